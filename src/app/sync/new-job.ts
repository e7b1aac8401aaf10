// A new sync job for the connected session: the document's chosen metrics and record sheets less
// those the person did not grant (left alone, and said so), over the range asked for.
import type { DateRange } from '../../core/dates';
import type { KeyValueStore } from '../../core/ports';
import { dataSourceFor } from '../providers';
import { grantedOrRequested } from '../connect';
import type { Session } from '../session';
import { newJob, type SyncJob, type SyncMode } from './job-store';
import { readSettings } from './settings';
import { recordSheetScopes, supportedRecordSheets } from '../../providers/record-sheets';

export function createJob(
  session: Session,
  doc: KeyValueStore,
  mode: SyncMode,
  range: DateRange,
  nowMs: number,
  owner: string,
): SyncJob {
  const data = dataSourceFor(session.provider.id);
  const settings = readSettings(doc);
  const granted = grantedOrRequested(session, session.scopes);
  const supported = data.supportedMetricIds(settings.metrics);
  const allowed = supported.filter((m) => data.scopesFor([m]).every((s) => granted.includes(s)));
  const sheets = supportedRecordSheets(session.provider.id, settings.records);
  const records = sheets.filter((id) =>
    recordSheetScopes(session.provider.id, [id]).every((s) => granted.includes(s)),
  );
  const skipped = [
    ...supported.filter((m) => !allowed.includes(m)),
    ...sheets.filter((id) => !records.includes(id)),
  ];
  return newJob(
    mode,
    {
      providerId: session.provider.id,
      range,
      metricIds: allowed,
      units: settings.units,
      ...(settings.weightUnit ? { weightUnit: settings.weightUnit } : {}),
      planSize: data.plan(range, allowed, settings.units, settings.weightUnit ?? undefined, records)
        .length,
      startedAtMs: nowMs,
      records,
    },
    skipped,
    owner,
  );
}
