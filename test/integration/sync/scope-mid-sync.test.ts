// A 403 insufficient-scope answer in the middle of a sync on the built bundle: the refusal is
// scoped to the refused request. Every other value is written (also the metric's other chunks),
// the refused days are asked again later, and only a repeated refusal leaves them unfilled.
import {
  addDays,
  backfill,
  dataRequests,
  runTriggersUntilIdle,
  settledRows,
  sheetRows,
  useNewSpreadsheet,
  USER,
  useReferenceBackfill,
  type ProviderKey,
} from './bed';

const DAYS = 120;

/** Fitbit's insufficient-scope body (platform facts: errors); Google's comes from the simulator. */
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

  // Google: the second floors chunk (days 91-120), after the first one answered normally.
  // Fitbit: the second activityCalories chunk (days 31-60).
  const target = () =>
    provider === 'google'
      ? {
          label: 'Floors',
          chunk: { start: addDays(ref.start, 90), end: ref.today },
          fault: {
            host: 'health.googleapis.com',
            pathPrefix: '/v4/users/me/dataTypes/floors',
            atRequest: 2,
            kind: 'google-reason' as const,
            reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT' as const,
          },
        }
      : {
          label: 'Activity calories',
          chunk: { start: addDays(ref.start, 30), end: addDays(ref.start, 59) },
          fault: {
            host: 'api.fitbit.com',
            pathPrefix: `/1/user/-/activities/activityCalories/date/${addDays(ref.start, 30)}/`,
            kind: 'status' as const,
            status: 403,
            body: FITBIT_SCOPE_BODY,
          },
        };
  /** The reference with the metric's cells of the refused days empty (a new sheet). */
  const withoutChunk = (label: string, chunk: { start: string; end: string }) => {
    const column = ref.reference[0].findIndex((h) => String(h).startsWith(label));
    expect(column).toBeGreaterThan(0);
    return ref.reference.map((r, i) =>
      i > 0 && (r[0] as string) >= chunk.start && (r[0] as string) <= chunk.end
        ? r.map((v, c) => (c === column ? '' : v))
        : r,
    );
  };

  beforeEach(async () => {
    ref.bed.sim.faults.clear();
    ref.bed.clock.advance(3_600_000);
    await useNewSpreadsheet(ref.bed);
    ref.bed.sim.clearLog();
  });

  it('a 403 for one chunk of a metric leaves only its days unfilled; the continuation fills them', async () => {
    const { label, chunk, fault } = target();
    ref.bed.sim.faults.add(fault);
    const reply = await backfill(ref.bed, ref.start);

    expect(reply.ok).toBe(true);
    expect(reply.state.sync.next).toMatchObject({ kind: 'continuation', reason: 'transient' });
    expect(reply.state.sync.problem).toMatch(/was refused \(HTTP 403: .*\); asked again later/);
    // Everything else is in the sheet, also the metric's chunks that were answered.
    expect(settledRows(sheetRows(ref.bed), ref.today)).toEqual(withoutChunk(label, chunk));
    expect(dataRequests(ref.bed)).toHaveLength(ref.planSize);

    expect(await runTriggersUntilIdle(ref.bed)).toBe(1);
    // The continuation asked only the refused request again.
    expect(dataRequests(ref.bed)).toHaveLength(ref.planSize + 1);
    expect(settledRows(sheetRows(ref.bed), ref.today)).toEqual(ref.reference);
    expect(ref.bed.rt.properties.document(ref.bed.spreadsheetId).get('sync.job')).toBeNull();
  });

  it('refused again in the continuation: those days stay unfilled with a clear note, the rest is written', async () => {
    const { label, chunk, fault } = target();
    ref.bed.sim.faults.add({ ...fault, times: 2 });
    await backfill(ref.bed, ref.start);
    expect(await runTriggersUntilIdle(ref.bed)).toBe(1);

    const doc = ref.bed.rt.properties.document(ref.bed.spreadsheetId);
    expect(doc.get('sync.job')).toBeNull();
    const status = JSON.parse(doc.get('sync.status') ?? '{}') as {
      notes: string[];
      problem: unknown;
      next: unknown;
      lastSync: { days: number } | null;
    };
    expect(status.notes).toEqual([
      `No permission for: ${label} (not ticked at consent, or withdrawn since). The days it was refused for were left as they were; the rest was synced. To add them, click Authorize again and tick them.`,
    ]);
    expect(status.problem).toBeNull();
    expect(status.next).toBeNull();
    expect(status.lastSync?.days).toBe(DAYS);
    expect(ref.bed.rt.triggers.list({ user: USER, spreadsheetId: ref.bed.spreadsheetId })).toEqual(
      [],
    );
    // Asked twice in all, never a third time.
    expect(dataRequests(ref.bed)).toHaveLength(ref.planSize + 1);
    expect(settledRows(sheetRows(ref.bed), ref.today)).toEqual(withoutChunk(label, chunk));
  });
});
