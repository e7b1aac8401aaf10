// Which record sheets a document fills: the setting (off until turned on, unknown ids refused),
// the sidebar's choices (the legacy Fitbit API says it does not supply Exercises), each account's
// own sheet name and stored-id key, and the run's done-ness of a records-only request.
import { recordSheetPlace, scopeFor } from '../../../../src/app/sync/accounts';
import { completedRequests, dayCoverage } from '../../../../src/app/sync/coverage';
import { recordSheetChoices } from '../../../../src/app/sync/record-sheets-view';
import {
  saveRecordSheetChoice,
  selectedRecordSheets,
} from '../../../../src/app/record-sheet-settings';
import { planGoogleHealthRequests } from '../../../../src/providers/google-health/data-plan';
import { MemoryStore } from '../fakes';

const account = (key: string, label: string) => ({
  key,
  label,
  providerId: 'google-health' as const,
});

test('no record sheet until one is turned on; unknown ids are refused and change nothing', () => {
  const doc = new MemoryStore();
  expect(selectedRecordSheets(doc)).toEqual([]);
  expect(saveRecordSheetChoice(doc, ['exercises'])).toEqual({ ok: true });
  expect(selectedRecordSheets(doc)).toEqual(['exercises']);
  expect(saveRecordSheetChoice(doc, ['exercises', 'weather'])).toEqual({
    ok: false,
    error: 'Unknown record sheet chosen.',
  });
  expect(saveRecordSheetChoice(doc, 'exercises').ok).toBe(false);
  expect(selectedRecordSheets(doc)).toEqual(['exercises']);
  expect(saveRecordSheetChoice(doc, [])).toEqual({ ok: true });
  expect(selectedRecordSheets(doc)).toEqual([]);
  expect(saveRecordSheetChoice(null, []).ok).toBe(false);
});

test('the first account fills "Exercises", another one its own sheet under its own key', () => {
  const doc = new MemoryStore();
  const first = scopeFor(doc, account('google-health:1', 'Google Health account …1111'), {
    claim: true,
  });
  const second = scopeFor(doc, account('google-health:2', 'Google Health account …2222'), {
    claim: true,
  });
  expect(recordSheetPlace(first, 'Exercises', 'exercises')).toEqual({
    sheetName: 'Exercises',
    sheetIdKey: 'sync.recordSheet.exercises',
  });
  expect(recordSheetPlace(second, 'Exercises', 'exercises')).toEqual({
    sheetName: 'Exercises (Google Health account …2222)',
    sheetIdKey: 'sync.recordSheet.exercises.2',
  });
});

test('the sidebar offers Exercises with Google Health, and says the legacy Fitbit API does not supply it', () => {
  const doc = new MemoryStore();
  saveRecordSheetChoice(doc, ['exercises']);
  const exercises = (providerId: 'google-health' | 'fitbit') =>
    recordSheetChoices(doc, providerId, null).find((c) => c.id === 'exercises')!;
  const google = exercises('google-health');
  expect(google).toEqual(
    expect.objectContaining({ id: 'exercises', on: true, supplied: true, note: null }),
  );
  const fitbit = exercises('fitbit');
  expect(fitbit.supplied).toBe(false);
  expect(fitbit.note).toBe(
    'Fitbit (legacy Web API) does not supply the Exercises sheet: connect to Google Health to fill it.',
  );
});

test('a records-only request holds up no day and is done as soon as it is fetched', () => {
  const plan = planGoogleHealthRequests(
    { start: '2026-11-01', end: '2026-11-10' },
    ['steps'],
    'metric',
    undefined,
    ['exercises'],
  );
  const list = plan.findIndex((r) => r.shape === 'google-exercise-list');
  const steps = plan.findIndex((r) => r.shape === 'google-daily-rollup');
  const coverage = dayCoverage(plan);
  for (const indices of coverage.values()) expect(indices).toEqual([steps]);
  expect(completedRequests(plan, new Set(), new Set([list]))).toEqual([list]);
  expect(completedRequests(plan, new Set(), new Set([steps]))).toEqual([]);
});
