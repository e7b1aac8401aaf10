// The Weekly and Monthly sheets as live formulas over the daily sheet: one row per week (from the
// person's chosen weekday) or month, the days with data, and per metric a total and a daily
// average (additive metrics) or an average, each an AVERAGEIFS/SUMIFS/COUNTIFS keyed on the date
// column; nights and workouts counted from the Sleep and Exercises sheets when they exist.
import { dateParts, type CivilDate } from '../../core/dates';
import type { MetricId } from '../../providers/metrics';
import { literal, rowCell, wholeColumn } from './a1';
import { summaryKind, type DailyColumns } from './daily-columns';
import { blockFromColumns, GENERAL, sheetPlanOf, type SheetPlan } from './grid';
import type { PeriodKind } from './periods';

/** A record sheet counted per period: its rows whose date-time text starts in the period. */
export interface RecordCount {
  header: string;
  sheetName: string;
  /** The column holding the local start (or end) date-time. */
  column: number;
  /** Only rows whose column holds this text (a main sleep, not a nap). */
  where?: { column: number; value: string };
}

export interface SummaryInput {
  kind: PeriodKind;
  dailySheet: string;
  columns: DailyColumns;
  starts: CivilDate[];
  records: RecordCount[];
}

/** Where a metric's figures sit in the summary sheet (the charts read them). */
export interface SummaryColumns {
  startColumn: number;
  lastRow: number;
  metrics: Partial<Record<MetricId, { total: number | null; average: number }>>;
}

export interface SummaryPlan {
  sheet: SheetPlan;
  columns: SummaryColumns;
}

const START_FORMAT: Record<PeriodKind, string> = { week: 'yyyy-mm-dd', month: 'mmm yyyy' };
const START_HEADER: Record<PeriodKind, string> = { week: 'Week starting', month: 'Month' };

function splitHeader(header: string): { label: string; unit: string } {
  const m = /^(.*?)( \([^()]+\))?$/.exec(header);
  return { label: m?.[1] ?? header, unit: m?.[2] ?? '' };
}

function totalFormat(decimals: number): string {
  return decimals === 0 ? '#,##0' : '#,##0.00';
}

function averageFormat(decimals: number): string {
  return decimals === 0 ? '#,##0.0' : '#,##0.00';
}

export function planSummarySheet(input: SummaryInput): SummaryPlan {
  const { kind, dailySheet, columns, starts } = input;
  const dates = wholeColumn(dailySheet, columns.dateColumn);
  const rows = starts.map((_, i) => i + 2);
  const startCell = (row: number) => rowCell(1, row);
  const end = (row: number) =>
    kind === 'week' ? `${startCell(row)}+7` : `EOMONTH(${startCell(row)},0)+1`;
  const inPeriod = (row: number) => `${dates},">="&${startCell(row)},${dates},"<"&(${end(row)})`;

  const out: { cells: string[]; formats: string[] }[] = [];
  const add = (header: string, cell: (row: number) => string, format: string) => {
    out.push({ cells: [header, ...rows.map(cell)], formats: [GENERAL, ...rows.map(() => format)] });
    return out.length;
  };

  add(
    START_HEADER[kind],
    (row) => {
      const p = dateParts(starts[row - 2]);
      return `=DATE(${p.year},${p.month},${p.day})`;
    },
    START_FORMAT[kind],
  );
  add('Days', (row) => `=COUNTIFS(${inPeriod(row)})`, '0');

  const metrics: SummaryColumns['metrics'] = {};
  for (const m of columns.metrics) {
    const how = summaryKind(m.def);
    if (how === null) continue;
    const values = wholeColumn(dailySheet, m.column);
    const { label, unit } = splitHeader(m.header);
    const averageAt = (row: number) => `=IFERROR(AVERAGEIFS(${values},${inPeriod(row)}),"")`;
    if (how === 'total') {
      // The total's own column comes first; its formula reads the average to its right, so a
      // period without a value shows empty rather than 0.
      const totalColumn = out.length + 1;
      const avgColumn = totalColumn + 1;
      add(
        `${label} total${unit}`,
        (row) => `=IF(ISNUMBER(${rowCell(avgColumn, row)}),SUMIFS(${values},${inPeriod(row)}),"")`,
        totalFormat(m.def.decimals),
      );
      add(`${label} a day${unit}`, averageAt, averageFormat(m.def.decimals));
      metrics[m.metricId] = { total: totalColumn, average: avgColumn };
    } else {
      const column = add(`${label} average${unit}`, averageAt, averageFormat(m.def.decimals));
      metrics[m.metricId] = { total: null, average: column };
    }
  }
  for (const rec of input.records) {
    const texts = wholeColumn(rec.sheetName, rec.column);
    const where = rec.where
      ? `,${wholeColumn(rec.sheetName, rec.where.column)},${literal(rec.where.value)}`
      : '';
    add(rec.header, (row) => recordCount(kind, texts, where, startCell(row), end(row)), '0');
  }

  const block = blockFromColumns(1, 1, out);
  const width = out.length;
  return {
    sheet: sheetPlanOf([block], [{ row: 1, column: 1, numRows: 1, numColumns: width }], 1),
    columns: { startColumn: 1, lastRow: starts.length + 1, metrics },
  };
}

/**
 * Record sheets keep local date-times as text ('2026-11-02 06:41'; Sheets itself would read such
 * a text typed by hand as a date-time number), so a period's rows are counted both ways: numbers
 * between the period's bounds, plus texts by prefix (the month's 'yyyy-mm', or each of the week's
 * seven 'yyyy-mm-dd').
 */
function recordCount(
  kind: PeriodKind,
  texts: string,
  where: string,
  start: string,
  end: string,
): string {
  const numbers = `COUNTIFS(${texts},">="&${start},${texts},"<"&(${end})${where})`;
  if (kind === 'month')
    return `=${numbers}+COUNTIFS(${texts},TEXT(${start},"yyyy-mm")&"*"${where})`;
  const days = [0, 1, 2, 3, 4, 5, 6].map(
    (d) => `COUNTIFS(${texts},TEXT(${start}+${d},"yyyy-mm-dd")&"*"${where})`,
  );
  return `=${[numbers, ...days].join('+')}`;
}
