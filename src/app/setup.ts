// Saving a person's own provider setup: validation, storage in their user properties, and
// forgetting their tokens made with an old client. Never another person's setup or tokens.
import { providerById } from './providers';
import type { AppContext } from './context';
import { MESSAGES } from './messages';
import { requestedScopes } from './scopes';
import { validateSetup, type SetupField, type SetupInput } from './setup-validation';

export type SaveSetupResult =
  { ok: true } | { ok: false; errors: Partial<Record<SetupField, string>> };

export function saveSetup(ctx: AppContext, input: SetupInput): SaveSetupResult {
  if (ctx.setup.mode() === 'publisher')
    return { ok: false, errors: { provider: MESSAGES.publisherSetup } };
  const provider = typeof input?.provider === 'string' ? input.provider : undefined;
  const hasSecret =
    provider === 'fitbit' || provider === 'google-health' ? ctx.setup.hasSecret(provider) : false;
  const result = validateSetup(input ?? {}, hasSecret);
  if (!result.ok) return result;
  const v = result.value;
  const before = ctx.setup.current();
  const previousClientId = ctx.setup.clientId(v.provider);
  // A secret pasted for a different client id must come with it: keeping the old one would pair
  // a new id with a secret that belongs to another client.
  if (previousClientId && previousClientId !== v.clientId && v.clientSecret === null)
    return {
      ok: false,
      errors: { clientSecret: 'A new client ID needs its own client secret: paste it too.' },
    };
  if (before && before.provider === v.provider && previousClientId !== v.clientId) {
    // Tokens belong to the client that obtained them; this user's are useless with the new one.
    const provider = providerById(v.provider);
    ctx.oauthClient(provider, before.credentials, requestedScopes(provider)).reset();
    ctx.connections.clear(v.provider);
  }
  ctx.setup.save(v.provider, v.clientId, v.clientSecret, v.appType);
  return { ok: true };
}
