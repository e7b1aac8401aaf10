// The dashboard's settings (week start, step goal), its sheet names per account, and what it
// remembers in document properties: defaults, validation with a clear message, a round trip,
// and a damaged property read as nothing remembered.
import { dashboardSheetNames, dashboardStateKey } from '../../../../src/app/dashboard/naming';
import {
  readDashboardSettings,
  saveDashboardSettings,
} from '../../../../src/app/dashboard/settings';
import {
  EMPTY_STATE,
  readDashboardState,
  writeDashboardState,
} from '../../../../src/app/dashboard/state-store';
import type { KeyValueStore } from '../../../../src/core/ports';

function memory(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get: (k) => map.get(k) ?? null,
    set: (k, v) => void map.set(k, v),
    delete: (k) => void map.delete(k),
  } as KeyValueStore & { map: Map<string, string> };
}

describe('dashboard settings', () => {
  it('defaults to weeks from Monday and a 10,000 step goal', () => {
    expect(readDashboardSettings(memory())).toEqual({ weekStart: 1, stepGoal: 10_000 });
    expect(readDashboardSettings(null)).toEqual({ weekStart: 1, stepGoal: 10_000 });
  });

  it('saves a weekday and a goal, the goal also as typed text', () => {
    const doc = memory();
    expect(saveDashboardSettings(doc, { weekStart: 7, stepGoal: ' 8000 ' })).toEqual({ ok: true });
    expect(readDashboardSettings(doc)).toEqual({ weekStart: 7, stepGoal: 8000 });
  });

  it('refuses a bad weekday or goal, naming what to fix, and keeps what was saved', () => {
    const doc = memory();
    expect(saveDashboardSettings(doc, { weekStart: 0, stepGoal: 8000 })).toEqual({
      ok: false,
      error: expect.stringMatching(/day weeks start on/),
    });
    expect(saveDashboardSettings(doc, { weekStart: 1, stepGoal: 'lots' })).toEqual({
      ok: false,
      error: expect.stringMatching(/step goal as a whole number/),
    });
    expect(doc.map.size).toBe(0);
    expect(saveDashboardSettings(null, { weekStart: 1, stepGoal: 1 }).ok).toBe(false);
  });
});

describe('naming per account', () => {
  const first = { sheetName: 'Activity', keys: { sheetId: 'sync.sheetId' } };
  const second = {
    sheetName: 'Activity (Google Health account …1a2b)',
    keys: { sheetId: 'sync.sheetId.2' },
  };

  it('names the sheets like the daily sheet, and keys the state like the sync', () => {
    expect(dashboardSheetNames(first)).toEqual({
      dashboard: 'Dashboard',
      weekly: 'Weekly',
      monthly: 'Monthly',
    });
    expect(dashboardSheetNames(second).dashboard).toBe('Dashboard (Google Health account …1a2b)');
    expect(dashboardStateKey(first as never)).toBe('dashboard.state');
    expect(dashboardStateKey(second as never)).toBe('dashboard.state.2');
  });
});

describe('dashboard state', () => {
  it('round-trips sheet ids, chart ids and written areas', () => {
    const doc = memory();
    const state = {
      sheets: { dashboard: 5, weekly: 6, monthly: 7 },
      charts: { steps: 101, active: 102 },
      areas: { weekly: [{ row: 1, column: 1, numRows: 10, numColumns: 4 }] },
    };
    writeDashboardState(doc, 'dashboard.state', state);
    expect(readDashboardState(doc, 'dashboard.state')).toEqual(state);
  });

  it('reads a damaged property as nothing remembered, and drops malformed entries', () => {
    const doc = memory();
    doc.set('k', '{not json');
    expect(readDashboardState(doc, 'k')).toEqual(EMPTY_STATE);
    doc.set(
      'k',
      JSON.stringify({ sheets: { dashboard: 'x', weekly: 3 }, areas: { weekly: [{ row: 0 }] } }),
    );
    expect(readDashboardState(doc, 'k')).toEqual({
      sheets: { weekly: 3 },
      charts: {},
      areas: { weekly: [] },
    });
  });
});
