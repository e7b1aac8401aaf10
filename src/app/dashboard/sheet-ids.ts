// The three sheets of an account's dashboard, by the role the add-on gives them.
export type DashboardSheetId = 'dashboard' | 'weekly' | 'monthly';

export const DASHBOARD_SHEET_TITLES: Record<DashboardSheetId, string> = {
  dashboard: 'Dashboard',
  weekly: 'Weekly',
  monthly: 'Monthly',
};
