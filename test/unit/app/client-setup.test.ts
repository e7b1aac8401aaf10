// Whose OAuth client a person uses: the publisher's (read-only script properties) or their own
// (user properties); the old shared setup is copied only to people who connected with it.
import { ClientSetup } from '../../../src/app/client-setup';
import { PUBLISHER_KEYS, readPublisherSetup } from '../../../src/app/publisher-setup';
import { SetupStore } from '../../../src/app/setup-store';
import type { ClientCredentials, ProviderId } from '../../../src/providers/provider';
import { MemoryStore } from './fakes';

const GOOGLE_ID = '1234-abc.apps.googleusercontent.com';
const GOOGLE_SECRET = 'GOCSPX-publisher-secret';

function publisherScript(values: Partial<Record<keyof typeof PUBLISHER_KEYS, string>>) {
  const script = new MemoryStore();
  for (const [field, value] of Object.entries(values))
    script.set(PUBLISHER_KEYS[field as keyof typeof PUBLISHER_KEYS], value);
  return script;
}

/** The legacy shared setup exactly as older versions wrote it into script properties. */
function legacyScript(): MemoryStore {
  const script = new MemoryStore();
  script.set('setup.provider', 'google-health');
  script.set('setup.google-health.clientId', GOOGLE_ID);
  script.set('setup.google-health.clientSecret', 'legacy-google-secret');
  script.set('setup.fitbit.clientId', '23ABCD');
  script.set('setup.fitbit.clientSecret', 'legacy-fitbit-secret');
  script.set('setup.fitbit.appType', 'client');
  return script;
}

function setupFor(script: MemoryStore, tokens: ProviderId[] = []) {
  const user = new MemoryStore();
  const asked: [ProviderId, ClientCredentials][] = [];
  const setup = new ClientSetup({
    script: { get: (k) => script.get(k) },
    personal: new SetupStore(user),
    hasToken: (provider, creds) => {
      asked.push([provider, creds]);
      return tokens.includes(provider);
    },
  });
  return { setup, user, asked };
}

describe('publisher mode', () => {
  it('uses the publisher client for everyone and refuses to save a setup', () => {
    const script = publisherScript({
      provider: 'google-health',
      clientId: GOOGLE_ID,
      clientSecret: GOOGLE_SECRET,
    });
    const { setup, user } = setupFor(script);
    expect(setup.mode()).toBe('publisher');
    expect(setup.current()).toEqual({
      provider: 'google-health',
      credentials: { clientId: GOOGLE_ID, clientSecret: GOOGLE_SECRET },
    });
    expect(setup.summary('google-health')).toEqual({
      clientId: '',
      secretSet: false,
      appType: 'server',
    });
    expect(() => setup.save('google-health', GOOGLE_ID, 'mine-mine-mine', 'server')).toThrow(
      /publisher/,
    );
    expect(user.map.size).toBe(0);
  });

  it('wins over a personal setup the person saved before the publisher set one', () => {
    const script = publisherScript({
      provider: 'fitbit',
      clientId: '23PUBL',
      clientSecret: 'publisher-fitbit-secret',
      appType: 'personal',
    });
    const { setup, user } = setupFor(script);
    new SetupStore(user).save('google-health', GOOGLE_ID, 'my-own-secret', 'server');
    expect(setup.current()).toEqual({
      provider: 'fitbit',
      credentials: {
        clientId: '23PUBL',
        clientSecret: 'publisher-fitbit-secret',
        appType: 'personal',
      },
    });
    expect(setup.chosenProvider()).toBe('fitbit');
  });

  it('names the script property that is wrong, without its value, and offers no setup', () => {
    const script = publisherScript({ provider: 'google-health', clientId: 'not an id' });
    const read = readPublisherSetup(script);
    expect(read.kind).toBe('invalid');
    const { setup } = setupFor(script);
    expect(setup.mode()).toBe('publisher');
    expect(setup.current()).toBeNull();
    expect(setup.problem()).toMatch(/PUBLISHER_CLIENT_ID/);
    expect(setup.problem()).not.toContain('not an id');
  });

  it('is off when none of the keys is set', () => {
    expect(readPublisherSetup(new MemoryStore())).toEqual({ kind: 'none' });
  });
});

describe('personal mode', () => {
  it("reads and writes only this person's user properties", () => {
    const { setup, user } = setupFor(new MemoryStore());
    expect(setup.mode()).toBe('personal');
    expect(setup.current()).toBeNull();
    setup.save('google-health', GOOGLE_ID, 'my-own-secret', 'server');
    expect(user.get('setup.google-health.clientSecret')).toBe('my-own-secret');
    expect(setup.current()?.credentials.clientId).toBe(GOOGLE_ID);
  });
});

describe('the legacy shared setup', () => {
  it('is copied to a person without a setup who holds a token for it, chosen provider kept', () => {
    const script = legacyScript();
    const before = new Map(script.map);
    const { setup, user } = setupFor(script, ['google-health', 'fitbit']);
    expect(setup.current()).toEqual({
      provider: 'google-health',
      credentials: { clientId: GOOGLE_ID, clientSecret: 'legacy-google-secret' },
    });
    expect(user.get('setup.fitbit.clientSecret')).toBe('legacy-fitbit-secret');
    expect(user.get('setup.fitbit.appType')).toBe('client');
    expect(user.get('setup.provider')).toBe('google-health');
    expect(script.map).toEqual(before);
  });

  it('copies only the providers the person holds a token for', () => {
    const { setup, user } = setupFor(legacyScript(), ['fitbit']);
    expect(setup.current()?.provider).toBe('fitbit');
    expect(user.get('setup.google-health.clientId')).toBeNull();
  });

  it('is not given to a person who never connected with it', () => {
    const { setup, user, asked } = setupFor(legacyScript(), []);
    expect(setup.current()).toBeNull();
    expect(setup.summary('google-health').clientId).toBe('');
    expect(user.map.size).toBe(0);
    expect(asked.map(([p, c]) => [p, c.clientId])).toEqual([
      ['google-health', GOOGLE_ID],
      ['fitbit', '23ABCD'],
    ]);
  });

  it("never replaces a person's own setup", () => {
    const { setup, user, asked } = setupFor(legacyScript(), ['google-health']);
    new SetupStore(user).save(
      'google-health',
      '999-mine.apps.googleusercontent.com',
      'mine-123',
      'server',
    );
    expect(setup.current()?.credentials.clientSecret).toBe('mine-123');
    expect(asked).toEqual([]);
  });

  it('is ignored in publisher mode', () => {
    const script = legacyScript();
    script.set(PUBLISHER_KEYS.provider, 'google-health');
    script.set(PUBLISHER_KEYS.clientId, GOOGLE_ID);
    script.set(PUBLISHER_KEYS.clientSecret, GOOGLE_SECRET);
    const { setup, user } = setupFor(script, ['google-health']);
    expect(setup.current()?.credentials.clientSecret).toBe(GOOGLE_SECRET);
    expect(user.map.size).toBe(0);
  });
});
