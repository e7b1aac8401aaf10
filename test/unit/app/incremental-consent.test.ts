// Incremental consent in the connect use case: a live Google Health connection asks for the
// scopes its chosen metrics lack, alone, with include_granted_scopes; anything else asks for all.
import { startAuthorization } from '../../../src/app/connect';
import { METRICS_KEY } from '../../../src/app/scopes';
import { FakeHttp, FakeOAuthClient, fakeContext, json, MemoryStore, SECRET } from './fakes';

const G = 'https://www.googleapis.com/auth/googlehealth.';
const ACTIVITY = `${G}activity_and_fitness.readonly`;
const NUTRITION = `${G}nutrition.readonly`;

class RecordingClient extends FakeOAuthClient {
  asked: { scopes: string[]; params: Record<string, string> } | undefined | null = null;
  override authorizationUrl(
    args: Record<string, string>,
    incremental?: { scopes: string[]; params: Record<string, string> },
  ): string {
    this.asked = incremental;
    return super.authorizationUrl(args);
  }
}

function setUp(status: 'connected' | 'reconnect' | null, scope: string | null) {
  const client = new RecordingClient();
  const f = fakeContext(new FakeHttp(() => json(200, {})), client);
  const doc = new MemoryStore();
  doc.set(METRICS_KEY, JSON.stringify(['steps', 'water']));
  f.ctx.documentStore = doc;
  f.ctx.setup.save('google-health', '1234-abc.apps.googleusercontent.com', SECRET, 'server');
  if (scope !== null) client.stored = { access_token: 'at', refresh_token: 'rt', scope };
  if (status)
    f.ctx.connections.put('google-health', {
      status,
      accountId: null,
      requestedScopes: [ACTIVITY],
      signUpUrl: null,
      reason: null,
    });
  return { ...f, client };
}

describe('startAuthorization', () => {
  it('a live connection lacking a scope asks for that scope alone, with include_granted_scopes', () => {
    const t = setUp('connected', ACTIVITY);
    startAuthorization(t.ctx);
    expect(t.client.asked).toEqual({
      scopes: [NUTRITION],
      params: { include_granted_scopes: 'true' },
    });
    // The consent is remembered as asking for the union, so the callback names what is missing.
    expect(t.ctx.connections.pending()[0].requestedScopes).toEqual([ACTIVITY, NUTRITION].sort());
  });

  it('asks for every scope when nothing is connected, when the connection needs a reconnect, or when nothing is new', () => {
    const fresh = setUp(null, null);
    startAuthorization(fresh.ctx);
    expect(fresh.client.asked).toBeUndefined();
    const dead = setUp('reconnect', ACTIVITY);
    startAuthorization(dead.ctx);
    expect(dead.client.asked).toBeUndefined();
    const full = setUp('connected', `${ACTIVITY} ${NUTRITION}`);
    startAuthorization(full.ctx);
    expect(full.client.asked).toBeUndefined();
  });
});
