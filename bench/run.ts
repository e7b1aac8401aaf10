// `npm run bench`: requests, Sheets calls and wall time of the add-on's sync against two baselines
// (per-day fetches with appendRow, per-cell setValue), both providers, several day counts; then the
// data-breadth run (every daily metric, requests per data type against the floor).
import type { Runtime } from '../dev/runtime/index';
import { DEFAULT_METRIC_IDS } from '../src/providers/metrics';
import type { ProviderId } from '../src/providers/provider';
import {
  perCellTrial,
  perDayRequestCount,
  perDayTrial,
  plannedRequestCount,
  rangeEndingToday,
} from './baselines';
import {
  BENCH_USER,
  callAddOn,
  connectAddOn,
  newRuntime,
  startBed,
  BENCH_AT_MS,
  storedAccessToken,
} from './bed';
import { addOnTrial, dashboardRefresh } from './addon';
import { measure, type Trial } from './measure';
import { parseOptions } from './options';
import { footnote, jsonLine, table, type BenchRow, type StrategyName } from './report';
import { perCellSource, perDaySource } from './script-sources';
import { runBreadth, type BreadthRow, type BreadthTotals } from './breadth';
import { breadthFailures, breadthFootnote, totalsTable, typeTable } from './breadth-report';

/** Refreshes the add-on's token if it is due (its own "Check connection"), then reads it. */
async function freshToken(addOn: Runtime, provider: ProviderId): Promise<string> {
  await callAddOn(addOn, 'checkConnection');
  return storedAccessToken(addOn, provider);
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const bed = await startBed(BENCH_AT_MS);
  const [perDaySrc, perCellSrc] = await Promise.all([perDaySource(), perCellSource()]);
  const rows: BenchRow[] = [];
  const runtimes: Runtime[] = [];
  let breadth: { rows: BreadthRow[]; totals: BreadthTotals[] } | null = null;
  try {
    for (const provider of opts.breadthOnly ? [] : opts.providers) {
      // Spreadsheets in the person's zone: the add-on's "today" is then the provider's today.
      const timeZone = bed.sim.user(BENCH_USER).timeZone;
      const addOn = await newRuntime(bed, timeZone);
      const perDay = await newRuntime(bed, timeZone, perDaySrc);
      const perCell = await newRuntime(bed, timeZone, perCellSrc);
      runtimes.push(addOn, perDay, perCell);
      await connectAddOn(bed, addOn, provider);
      for (const days of opts.days) {
        const range = rangeEndingToday(bed.clock.now(), timeZone, days);
        const planned = plannedRequestCount(provider, range);
        // The spreadsheet of the add-on's last trial: the dashboard row refreshes it.
        let addOnSheet: string | null = null;
        const strategies: [StrategyName, () => Promise<Trial>, number][] = [
          [
            'addon',
            () => {
              const trial = addOnTrial(addOn, bed.clock, range, timeZone);
              addOnSheet = trial.spreadsheetId;
              return Promise.resolve(trial);
            },
            Math.ceil(planned / 30),
          ],
          [
            'per-day',
            async () =>
              perDayTrial(perDay, provider, range, await freshToken(addOn, provider), timeZone),
            perDayRequestCount(provider, days),
          ],
          [
            'per-cell',
            async () =>
              perCellTrial(perCell, provider, range, await freshToken(addOn, provider), timeZone),
            Math.ceil(planned / 30),
          ],
        ];
        for (const [strategy, newTrial, predictedRoundTrips] of strategies) {
          if (!opts.json) process.stderr.write(`${provider} ${days} days ${strategy} ... `);
          const m = await measure(
            async () => {
              const trial = await newTrial();
              return {
                rt: trial.rt,
                execute: async (stop) => {
                  const r = await trial.execute(stop);
                  // A run that stopped early is re-run; a finished one must have every day.
                  if (r.completed && r.rows !== days)
                    throw new Error(`${strategy} wrote ${r.rows} rows for ${days} days`);
                  return r;
                },
              };
            },
            {
              sim: bed.sim,
              latencyMs: opts.latencyMs,
              budgetMs: opts.budgetMs,
              predictedRoundTrips,
            },
          );
          const row: BenchRow = {
            provider,
            days,
            metrics: DEFAULT_METRIC_IDS.length,
            strategy,
            requests: m.requests,
            sheetCalls: m.sheetCalls,
            wallMs: m.wallMs,
            estimated: m.estimated,
          };
          rows.push(row);
          if (opts.json) process.stdout.write(jsonLine(row) + '\n');
          else process.stderr.write(`${m.estimated ? '~' : ''}${m.wallMs} ms\n`);
          if (strategy === 'addon' && addOnSheet) {
            const d = await dashboardRefresh(addOn, addOnSheet);
            const dash: BenchRow = {
              ...row,
              strategy: 'dashboard',
              requests: 0,
              sheetCalls: d.sheetCalls,
              wallMs: d.wallMs,
              estimated: false,
            };
            rows.push(dash);
            if (opts.json) process.stdout.write(jsonLine(dash) + '\n');
          }
        }
      }
    }
    if (opts.breadthDays > 0) {
      if (!opts.json) process.stderr.write(`data breadth: ${opts.breadthDays} days ...\n`);
      breadth = await runBreadth(bed, {
        days: opts.breadthDays,
        intradayDays: opts.intradayDays,
        latencyMs: opts.latencyMs,
      });
    }
  } finally {
    for (const rt of runtimes) await rt.close();
    await bed.close();
  }
  if (opts.json) {
    for (const r of breadth?.rows ?? [])
      process.stdout.write(JSON.stringify({ breadth: 'type', ...r }) + '\n');
    for (const t of breadth?.totals ?? [])
      process.stdout.write(JSON.stringify({ breadth: 'run', ...t }) + '\n');
  } else {
    if (rows.length > 0)
      process.stdout.write(table(rows) + '\n\n' + footnote(opts.latencyMs, opts.budgetMs) + '\n');
    if (breadth) {
      process.stdout.write(
        '\n' +
          typeTable(breadth.rows) +
          '\n\n' +
          totalsTable(breadth.totals) +
          '\n\n' +
          breadthFootnote(opts.latencyMs) +
          '\n',
      );
    }
  }
  const failures = breadth ? breadthFailures(breadth.rows) : [];
  if (failures.length > 0) {
    process.stderr.write(
      `bench failed: data types off their floor:\n${failures.map((f) => `  ${f}`).join('\n')}\n`,
    );
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
