// Accumulating parsed answers into sheet cells: values, cleared cells and untouched cells.
import { addResult, type DayCells } from '../../../src/core/day-values';

const covers = { start: '2026-11-01', end: '2026-11-03', metricIds: ['steps', 'floors'] };

describe('day cells', () => {
  it('marks covered days without data as cleared (null) and keeps true zeros', () => {
    const cells: DayCells = {};
    addResult(
      cells,
      { kind: 'ok', requestId: 'r', values: { '2026-11-02': { steps: 0, floors: 3 } }, next: null },
      covers,
    );
    expect(cells).toEqual({
      '2026-11-01': { steps: null, floors: null },
      '2026-11-02': { steps: 0, floors: 3 },
      '2026-11-03': { steps: null, floors: null },
    });
  });

  it('waits for the last page before deciding a day is absent', () => {
    const cells: DayCells = {};
    const next = {
      id: 'r page 2',
      method: 'post' as const,
      url: 'u',
      headers: {},
      shape: 'google-daily-rollup' as const,
      covers,
      units: 'metric' as const,
    };
    addResult(
      cells,
      { kind: 'ok', requestId: 'r', values: { '2026-11-03': { steps: 5 } }, next },
      covers,
    );
    expect(cells).toEqual({ '2026-11-03': { steps: 5 } });
    addResult(
      cells,
      { kind: 'ok', requestId: 'r page 2', values: { '2026-11-01': { steps: 7 } }, next: null },
      covers,
    );
    expect(cells['2026-11-01']).toEqual({ steps: 7, floors: null });
    expect(cells['2026-11-03']).toEqual({ steps: 5, floors: null });
  });
});
