// Command-line options of `npm run bench`: --json, --days 1,7, --providers fitbit, --budget-ms,
// --breadth-days 365, --intraday-days 7, --no-intraday, --no-breadth, --breadth-only.
import type { ProviderId } from '../src/providers/provider';

export interface BenchOptions {
  json: boolean;
  days: number[];
  providers: ProviderId[];
  /** Real milliseconds a run may take at the bench latency before it is estimated instead. */
  budgetMs: number;
  latencyMs: number;
  /** Days of the data-breadth run (every daily metric); 0 skips it. */
  breadthDays: number;
  /** Whole past days of the data-breadth run's intraday part; 0 skips it. */
  intradayDays: number;
  /** Only the data-breadth run (no baselines). */
  breadthOnly: boolean;
}

export const DEFAULT_DAYS = [1, 7, 365, 1095, 3650];
export const DEFAULT_PROVIDERS: ProviderId[] = ['fitbit', 'google-health'];

function list(value: string | undefined, flag: string): string[] {
  if (!value || value.startsWith('--')) throw new Error(`${flag} needs a comma-separated value`);
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function positiveInt(s: string, flag: string): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag}: "${s}" is not a positive integer`);
  return n;
}

export function parseOptions(argv: readonly string[]): BenchOptions {
  const opts: BenchOptions = {
    json: false,
    days: DEFAULT_DAYS,
    providers: DEFAULT_PROVIDERS,
    budgetMs: 45_000,
    latencyMs: 200,
    breadthDays: 365,
    intradayDays: 7,
    breadthOnly: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--json') opts.json = true;
    else if (flag === '--days') opts.days = list(value(), flag).map((d) => positiveInt(d, flag));
    else if (flag === '--providers') {
      opts.providers = list(value(), flag).map((p) => {
        if (p !== 'fitbit' && p !== 'google-health')
          throw new Error(`--providers: "${p}" is not fitbit or google-health`);
        return p;
      });
    } else if (flag === '--budget-ms') opts.budgetMs = positiveInt(value(), flag);
    else if (flag === '--breadth-days') opts.breadthDays = positiveInt(value(), flag);
    else if (flag === '--intraday-days') opts.intradayDays = positiveInt(value(), flag);
    else if (flag === '--no-intraday') opts.intradayDays = 0;
    else if (flag === '--no-breadth') opts.breadthDays = 0;
    else if (flag === '--breadth-only') opts.breadthOnly = true;
    else
      throw new Error(
        `unknown option ${arg} (known: --json, --days, --providers, --budget-ms, --breadth-days, --intraday-days, --no-intraday, --no-breadth, --breadth-only)`,
      );
  }
  return opts;
}
