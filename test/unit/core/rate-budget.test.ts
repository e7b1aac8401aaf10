// Rate budgets at their boundaries: Fitbit's clock hour and headers, Google's rolling minute.
import {
  FitbitRateBudget,
  GoogleHealthRateBudget,
  rateBudgetFor,
} from '../../../src/core/rate-budget';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 22, 10, 0, 0);

describe('Fitbit rate budget', () => {
  it('allows 150 requests per clock hour and resets at the top of the hour', () => {
    const budget = new FitbitRateBudget();
    budget.record(T0 + 5 * 60_000, 149);
    expect(budget.available(T0 + 59 * 60_000)).toBe(1);
    budget.record(T0 + 59 * 60_000, 1);
    expect(budget.available(HOUR + T0 - 1)).toBe(0);
    expect(budget.nextAvailableAtMs(T0 + 59 * 60_000)).toBe(T0 + HOUR);
    expect(budget.available(T0 + HOUR)).toBe(150);
  });

  it('takes the smaller of its own count and fitbit-rate-limit-remaining, read case-insensitively', () => {
    const budget = new FitbitRateBudget();
    budget.record(T0, 10);
    budget.observe(T0, { 'Fitbit-Rate-Limit-Remaining': '20', 'FITBIT-RATE-LIMIT-RESET': '1800' });
    expect(budget.available(T0)).toBe(20);
    budget.observe(T0, { 'fitbit-rate-limit-remaining': '150', 'fitbit-rate-limit-reset': '1800' });
    expect(budget.available(T0)).toBe(20);
    budget.record(T0, 20);
    expect(budget.available(T0)).toBe(0);
    expect(budget.nextAvailableAtMs(T0)).toBe(T0 + 1_800_000);
  });

  it('waits for the later of its own reset and the header reset', () => {
    const budget = new FitbitRateBudget();
    budget.record(T0 + 50 * 60_000, 150);
    budget.observe(T0 + 50 * 60_000, {
      'fitbit-rate-limit-remaining': '0',
      'fitbit-rate-limit-reset': '900',
    });
    expect(budget.nextAvailableAtMs(T0 + 50 * 60_000)).toBe(T0 + 65 * 60_000);
  });

  it('ignores responses without rate headers and survives a round trip through JSON', () => {
    const budget = new FitbitRateBudget();
    budget.observe(T0, {});
    budget.record(T0, 42);
    const restored = rateBudgetFor('fitbit', JSON.parse(JSON.stringify(budget.toJSON())));
    expect(restored.available(T0 + 1000)).toBe(108);
  });
});

describe('Google Health rate budget', () => {
  it('allows 300 requests per rolling minute', () => {
    const budget = new GoogleHealthRateBudget();
    budget.record(T0, 200);
    budget.record(T0 + 30_000, 100);
    expect(budget.available(T0 + 59_999)).toBe(0);
    expect(budget.nextAvailableAtMs(T0 + 40_000)).toBe(T0 + 60_000);
    expect(budget.available(T0 + 60_000)).toBe(200);
    expect(budget.available(T0 + 90_000)).toBe(300);
  });

  it('keeps a small state for the checkpoint and restores it', () => {
    const budget = new GoogleHealthRateBudget();
    for (let i = 0; i < 10; i++) budget.record(T0 + i * 1000, 30);
    const json = JSON.stringify(budget.toJSON());
    expect(json.length).toBeLessThan(400);
    const restored = rateBudgetFor('google-health', JSON.parse(json));
    expect(restored.available(T0 + 9_000)).toBe(0);
    expect(restored.nextAvailableAtMs(T0 + 9_000)).toBe(T0 + 60_000);
  });
});
