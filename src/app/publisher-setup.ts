// The publisher's OAuth client: four script properties the script's editor sets once in Apps
// Script's Project settings; no code path of the add-on writes them (it gets them read only).
import type { FitbitAppType } from '../providers/provider';
import type { ProviderSetup, ReadableStore } from './setup-store';
import { validateSetup } from './setup-validation';

/** The script property names, typed by the publisher exactly as written here. */
export const PUBLISHER_KEYS = {
  provider: 'PUBLISHER_PROVIDER',
  clientId: 'PUBLISHER_CLIENT_ID',
  clientSecret: 'PUBLISHER_CLIENT_SECRET',
  appType: 'PUBLISHER_FITBIT_APP_TYPE',
} as const;

export type PublisherSetup =
  | { kind: 'none' }
  | { kind: 'ok'; setup: ProviderSetup }
  /** Some keys are set but not right: the people using the add-on are told to ask the publisher. */
  | { kind: 'invalid'; problem: string };

/** Any of the keys present puts the add-on in publisher mode, even before all of them are right. */
export function readPublisherSetup(script: ReadableStore): PublisherSetup {
  const raw = {
    provider: script.get(PUBLISHER_KEYS.provider),
    clientId: script.get(PUBLISHER_KEYS.clientId),
    clientSecret: script.get(PUBLISHER_KEYS.clientSecret),
    appType: script.get(PUBLISHER_KEYS.appType),
  };
  if (Object.values(raw).every((v) => v === null)) return { kind: 'none' };
  const checked = validateSetup(
    {
      provider: raw.provider?.trim(),
      clientId: raw.clientId ?? '',
      clientSecret: raw.clientSecret ?? '',
      appType: raw.appType?.trim() ?? '',
    },
    false,
  );
  if (!checked.ok) {
    // Name the script property and what is wrong with it; never echo a value.
    const [field, message] = Object.entries(checked.errors)[0];
    const name = PUBLISHER_KEYS[field as keyof typeof PUBLISHER_KEYS];
    return {
      kind: 'invalid',
      problem: `The publisher's setup of this add-on is incomplete (script property ${name}: ${message}) Ask the person who published it to fix it in Apps Script's Project settings.`,
    };
  }
  const v = checked.value;
  const appType: FitbitAppType = v.appType;
  return {
    kind: 'ok',
    setup: {
      provider: v.provider,
      credentials: {
        clientId: v.clientId,
        clientSecret: v.clientSecret ?? '',
        ...(v.provider === 'fitbit' ? { appType } : {}),
      },
    },
  };
}
