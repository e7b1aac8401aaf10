// Where an account's dashboard lives: its three sheets are named like its daily sheet ("Activity"
// and "Activity (<account>)" give "Dashboard" and "Dashboard (<account>)"), and what the add-on
// remembers about them (sheet ids, chart ids, the areas it wrote) sits under one document
// property per account, keyed like the account's sync keys.
import { PRIMARY_SHEET_NAME, type SyncScope } from '../sync/accounts';
import { DASHBOARD_SHEET_TITLES, type DashboardSheetId } from './sheet-ids';

/** '' for the first account, ' (<account label>)' for the others. */
function accountSuffix(scope: Pick<SyncScope, 'sheetName'>): string {
  return scope.sheetName.startsWith(PRIMARY_SHEET_NAME)
    ? scope.sheetName.slice(PRIMARY_SHEET_NAME.length)
    : ` (${scope.sheetName})`;
}

export function dashboardSheetNames(
  scope: Pick<SyncScope, 'sheetName'>,
): Record<DashboardSheetId, string> {
  const suffix = accountSuffix(scope);
  return {
    dashboard: `${DASHBOARD_SHEET_TITLES.dashboard}${suffix}`,
    weekly: `${DASHBOARD_SHEET_TITLES.weekly}${suffix}`,
    monthly: `${DASHBOARD_SHEET_TITLES.monthly}${suffix}`,
  };
}

/** 'dashboard.state' for the first account, 'dashboard.state.2' for the second, ... */
export function dashboardStateKey(scope: Pick<SyncScope, 'keys'>): string {
  const m = /^sync\.sheetId(\..+)?$/.exec(scope.keys.sheetId);
  return `dashboard.state${m?.[1] ?? ''}`;
}
