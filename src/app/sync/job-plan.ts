// The requests of a job, re-made from its checkpoint alone: an intraday job's per-minute roll-ups,
// or the provider's plan for the days, metrics and record sheets of any other job.
import type { SyncCheckpoint } from '../../core/checkpoint';
import type { PlannedRequest } from '../../core/planned-request';
import { isIntradayType, planIntraday } from '../../providers/google-health/intraday-plan';
import type { MetricId } from '../../providers/metrics';
import { dataSourceFor } from '../providers';

export function jobPlan(cp: SyncCheckpoint): PlannedRequest[] {
  if (cp.intraday)
    return planIntraday(
      cp.range,
      { types: cp.intraday.types.filter(isIntradayType), zone: cp.intraday.zone },
      cp.units,
    );
  return dataSourceFor(cp.providerId).plan(
    cp.range,
    cp.metricIds as MetricId[],
    cp.units,
    cp.weightUnit,
    cp.records ?? [],
  );
}
