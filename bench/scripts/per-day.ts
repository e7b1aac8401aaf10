// The "per-day" baseline as most public Apps Script snippets fetch activity data: one request per
// day (per data type for Google), sequential UrlFetchApp.fetch, one appendRow per day.
// Loaded as plain Apps Script source (esbuild strips the types; it imports nothing).

/** Where a column's value sits in the answer: Fitbit daily summary field or Google rollup member. */
interface PerDayColumn {
  header: string;
  /** Fitbit: field of `summary` ('distances' = the "total" entry of summary.distances). */
  fitbitField?: string;
  /** Google: data type, DailyRollupDataPoint member, and how to read the value. */
  dataType?: string;
  member?: string;
  field?: string;
  level?: string;
  kind?: 'int64' | 'double' | 'duration-minutes' | 'active-minutes';
}

interface PerDayArgs {
  provider: 'fitbit' | 'google-health';
  accessToken: string;
  start: string;
  days: number;
  columns: PerDayColumn[];
}

function perDayAddDays_(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

function perDayGet_(url: string, token: string, payload?: string): Record<string, unknown> {
  const res = UrlFetchApp.fetch(url, {
    method: payload === undefined ? 'get' : 'post',
    headers: { Authorization: 'Bearer ' + token },
    contentType: payload === undefined ? undefined : 'application/json',
    payload,
    muteHttpExceptions: true,
  });
  // A public script would stop here too: the bench must never count an error page as data.
  if (res.getResponseCode() !== 200)
    throw new Error('HTTP ' + res.getResponseCode() + ' from ' + url.split('?')[0]);
  return JSON.parse(res.getContentText()) as Record<string, unknown>;
}

function perDayFitbitRow_(date: string, args: PerDayArgs): (string | number)[] {
  const body = perDayGet_(
    'https://api.fitbit.com/1/user/-/activities/date/' + date + '.json',
    args.accessToken,
  );
  const summary = (body.summary ?? {}) as Record<string, unknown>;
  const row: (string | number)[] = [date];
  for (const c of args.columns) {
    if (c.fitbitField === 'distances') {
      const list = (summary.distances ?? []) as { activity: string; distance: number }[];
      const total = list.filter((d) => d.activity === 'total')[0];
      row.push(total ? total.distance : '');
    } else {
      const v = summary[c.fitbitField ?? ''];
      row.push(typeof v === 'number' ? v : '');
    }
  }
  return row;
}

function perDayGoogleValue_(
  point: Record<string, unknown> | undefined,
  c: PerDayColumn,
): string | number {
  const m = point ? (point[c.member ?? ''] as Record<string, unknown> | undefined) : undefined;
  if (!m) return '';
  if (c.kind === 'active-minutes') {
    const levels = (m.activeMinutesRollupByActivityLevel ?? []) as Record<string, unknown>[];
    const hit = levels.filter((l) => l.activityLevel === c.level)[0];
    return hit ? Number(hit.activeMinutesSum ?? 0) : 0;
  }
  const raw = m[c.field ?? ''];
  if (c.kind === 'duration-minutes') return Math.round(parseFloat(String(raw ?? '0s')) / 60);
  return Number(raw ?? 0);
}

function perDayGoogleRow_(date: string, args: PerDayArgs): (string | number)[] {
  const next = perDayAddDays_(date, 1);
  const part = (d: string) => {
    const [year, month, day] = d.split('-').map(Number);
    return { date: { year, month, day } };
  };
  const payload = JSON.stringify({
    range: { start: part(date), end: part(next) },
    windowSizeDays: 1,
    pageSize: 1,
  });
  const byType: Record<string, Record<string, unknown> | undefined> = {};
  for (const c of args.columns) {
    const type = c.dataType ?? '';
    if (type in byType) continue;
    const body = perDayGet_(
      'https://health.googleapis.com/v4/users/me/dataTypes/' + type + '/dataPoints:dailyRollUp',
      args.accessToken,
      payload,
    );
    byType[type] = ((body.rollupDataPoints ?? []) as Record<string, unknown>[])[0];
  }
  const row: (string | number)[] = [date];
  for (const c of args.columns) row.push(perDayGoogleValue_(byType[c.dataType ?? ''], c));
  return row;
}

/** Entry point: fills the active sheet of the bound spreadsheet; returns the rows appended. */
// Called by name through the runtime, as Apps Script calls a top-level function.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
function perDayBaseline(args: PerDayArgs): number {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  sheet.appendRow(['Date'].concat(args.columns.map((c) => c.header)));
  for (let i = 0; i < args.days; i++) {
    const date = perDayAddDays_(args.start, i);
    const row =
      args.provider === 'fitbit' ? perDayFitbitRow_(date, args) : perDayGoogleRow_(date, args);
    sheet.appendRow(row);
  }
  return args.days;
}
