// Checks what the person typed in setup, with a message per field that says how to fix it.
import { isProviderId, type FitbitAppType, type ProviderId } from '../providers/provider';

export interface SetupInput {
  provider?: unknown;
  clientId?: unknown;
  clientSecret?: unknown;
  appType?: unknown;
}

export interface ValidSetup {
  provider: ProviderId;
  clientId: string;
  /** null: keep the stored secret. */
  clientSecret: string | null;
  appType: FitbitAppType;
}

export type SetupField = 'provider' | 'clientId' | 'clientSecret' | 'appType';

export type SetupValidation =
  { ok: true; value: ValidSetup } | { ok: false; errors: Partial<Record<SetupField, string>> };

const FITBIT_CLIENT_ID = /^[A-Z0-9]{6}$/;
const GOOGLE_CLIENT_ID = /^[0-9]+-[a-z0-9]+\.apps\.googleusercontent\.com$/;

function clientIdError(provider: ProviderId, id: string): string | null {
  if (id === '') return 'Paste the client ID.';
  if (/\s/.test(id)) return 'The client ID contains a space or line break: copy it again.';
  if (provider === 'fitbit' && !FITBIT_CLIENT_ID.test(id))
    return 'A Fitbit client ID is 6 capital letters and digits (like 23ABCD), shown as "OAuth 2.0 Client ID" on dev.fitbit.com.';
  if (provider === 'google-health' && !GOOGLE_CLIENT_ID.test(id))
    return 'A Google client ID looks like 1234567890-abc123.apps.googleusercontent.com (Google Cloud console, Credentials).';
  return null;
}

function secretError(secret: string): string | null {
  if (/\s/.test(secret)) return 'The client secret contains a space or line break: copy it again.';
  if (secret.length < 8 || secret.length > 200 || !/^[\x21-\x7e]+$/.test(secret))
    return 'That does not look like a client secret: copy it again from the provider’s page.';
  return null;
}

/** `hasStoredSecret`: whether a secret for this provider is already saved (then it may be kept). */
export function validateSetup(input: SetupInput, hasStoredSecret: boolean): SetupValidation {
  const errors: Partial<Record<SetupField, string>> = {};
  if (!isProviderId(input.provider)) {
    return { ok: false, errors: { provider: 'Choose Google Health or Fitbit.' } };
  }
  const provider = input.provider;
  const clientId = typeof input.clientId === 'string' ? input.clientId.trim() : '';
  const idError = clientIdError(provider, clientId);
  if (idError) errors.clientId = idError;

  const rawSecret = typeof input.clientSecret === 'string' ? input.clientSecret.trim() : '';
  let clientSecret: string | null = null;
  if (rawSecret === '') {
    if (!hasStoredSecret) errors.clientSecret = 'Paste the client secret.';
  } else {
    const e = secretError(rawSecret);
    if (e) errors.clientSecret = e;
    else clientSecret = rawSecret;
  }

  let appType: FitbitAppType = 'server';
  if (provider === 'fitbit' && input.appType !== undefined && input.appType !== '') {
    if (input.appType === 'server' || input.appType === 'client' || input.appType === 'personal')
      appType = input.appType;
    else errors.appType = 'Choose the app type you registered: Server, Client or Personal.';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { provider, clientId, clientSecret, appType } };
}
