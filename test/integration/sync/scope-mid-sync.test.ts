// A 403 insufficient-scope answer in the middle of a sync on the built bundle: that metric's column
// is left out with a note saying what to do, and every other column is written.
import {
  addDays,
  backfill,
  dataRequests,
  settledRows,
  sheetRows,
  useNewSpreadsheet,
  USER,
  useReferenceBackfill,
  type ProviderKey,
} from './bed';

const DAYS = 120;

/** The providers' own insufficient-scope bodies (platform facts: errors). */
const GOOGLE_SCOPE_BODY = {
  error: {
    code: 403,
    message: 'Request had insufficient authentication scopes.',
    status: 'PERMISSION_DENIED',
    details: [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
        domain: 'googleapis.com',
        metadata: { service: 'health.googleapis.com', method: 'dailyRollUp' },
      },
    ],
  },
};
const FITBIT_SCOPE_BODY = {
  errors: [
    {
      errorType: 'insufficient_scope',
      message: 'This application does not have permission to access activity data.',
    },
  ],
  success: false,
};

describe.each<ProviderKey>(['google', 'fitbit'])('%s', (provider) => {
  const ref = useReferenceBackfill(provider, DAYS);

  it('a 403 for one metric part-way: its column is left out with a clear note, the rest is written', async () => {
    ref.bed.clock.advance(3_600_000);
    await useNewSpreadsheet(ref.bed);
    ref.bed.sim.clearLog();
    // Google: the second floors chunk (days 91-120), after the first one answered normally.
    // Fitbit: the second activityCalories chunk (days 31-60).
    const { label, fault } =
      provider === 'google'
        ? {
            label: 'Floors',
            fault: {
              host: 'health.googleapis.com',
              pathPrefix: '/v4/users/me/dataTypes/floors',
              atRequest: 2,
              body: GOOGLE_SCOPE_BODY,
            },
          }
        : {
            label: 'Activity calories',
            fault: {
              host: 'api.fitbit.com',
              pathPrefix: `/1/user/-/activities/activityCalories/date/${addDays(ref.start, 30)}/`,
              body: FITBIT_SCOPE_BODY,
            },
          };
    ref.bed.sim.faults.add({ ...fault, kind: 'status', status: 403 });
    const reply = await backfill(ref.bed, ref.start);

    expect(reply.ok).toBe(true);
    expect(reply.message).toMatch(new RegExp(`No permission for: ${label} \\(`));
    expect(reply.state.sync.notes).toEqual([
      `No permission for: ${label} (not ticked at consent, or withdrawn since). Those columns were left alone; the rest was synced. To add them, click Authorize again and tick them.`,
    ]);
    expect(reply.state.sync.problem).toBeNull();
    expect(reply.state.sync.next).toBeNull();
    expect(reply.state.sync.lastSync?.days).toBe(DAYS);
    expect(ref.bed.rt.triggers.list({ user: USER, spreadsheetId: ref.bed.spreadsheetId })).toEqual(
      [],
    );
    // Not asked again: a refused scope is not a transient failure.
    expect(dataRequests(ref.bed)).toHaveLength(provider === 'google' ? 30 : 14);

    // Every other column, every day, exactly as an unrestricted sync writes it.
    const column = ref.reference[0].findIndex((h) => String(h).startsWith(label));
    expect(column).toBeGreaterThan(0);
    const withoutIt = ref.reference.map((r) => r.filter((_, i) => i !== column));
    expect(settledRows(sheetRows(ref.bed), ref.today)).toEqual(withoutIt);
  });
});
