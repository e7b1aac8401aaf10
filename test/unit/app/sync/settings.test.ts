// The document's sync settings: the weight unit is kept apart from the unit system, optional,
// and a value outside kg, lb and st is refused with what to choose.
import { readSettings, saveSettings, WEIGHT_UNIT_KEY } from '../../../../src/app/sync/settings';
import { MemoryStore } from '../fakes';

describe('sync settings: the weight unit', () => {
  it('follows the unit system until one is chosen, and back when the choice is cleared', () => {
    const doc = new MemoryStore();
    expect(saveSettings(doc, { metrics: ['weight'], units: 'uk' })).toEqual({ ok: true });
    expect(readSettings(doc)).toMatchObject({ units: 'uk', weightUnit: null });
    expect(saveSettings(doc, { metrics: ['weight'], units: 'uk', weightUnit: 'kg' })).toEqual({
      ok: true,
    });
    expect(readSettings(doc)).toMatchObject({ units: 'uk', weightUnit: 'kg' });
    expect(saveSettings(doc, { metrics: ['weight'], units: 'uk', weightUnit: '' })).toEqual({
      ok: true,
    });
    expect(doc.get(WEIGHT_UNIT_KEY)).toBeNull();
    expect(readSettings(doc).weightUnit).toBeNull();
  });

  it('refuses a weight unit it does not know, naming the choices, and keeps what was saved', () => {
    const doc = new MemoryStore();
    saveSettings(doc, { metrics: ['weight'], units: 'metric', weightUnit: 'lb' });
    const r = saveSettings(doc, { metrics: ['weight'], units: 'metric', weightUnit: 'stone' });
    expect(r).toEqual({ ok: false, error: expect.stringContaining('kg, lb or st') });
    expect(readSettings(doc).weightUnit).toBe('lb');
  });
});
