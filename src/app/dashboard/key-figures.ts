// The Dashboard's header: the last 7 days against the 7 before for steps, sleep, resting heart
// rate, active zone minutes and weight (those synced), counted back from the last date in the
// daily sheet (never the clock), with the change in words and an arrow. Live formulas.
import { columnLetter, literal, wholeColumn } from './a1';
import { LAST_DATE_CELL } from './chart-data';
import type { DailyColumns, MetricColumn } from './daily-columns';
import { GENERAL, type GridBlock } from './grid';
import { roles } from './roles';

interface Figure {
  column: MetricColumn;
  title: string;
  /** 'average' a day, or 'total' over the 7 days. */
  how: 'average' | 'total';
  format: string;
  /** Words after the difference: ' steps', ' min'. */
  unitWords: string;
  /** How a rise and a fall read: 'more' / 'fewer', 'heavier' / 'lighter'. */
  upDown: [string, string];
}

function unitWords(c: MetricColumn, fallback: string): string {
  return c.unit ? ` ${c.unit}` : fallback;
}

export function keyFigures(columns: DailyColumns): Figure[] {
  const found = columns.metrics;
  const out: Figure[] = [];
  const steps = roles.steps(found);
  if (steps)
    out.push({
      column: steps,
      title: 'Steps a day',
      how: 'average',
      format: '#,##0',
      unitWords: ' steps',
      upDown: ['more', 'fewer'],
    });
  const sleep = roles.sleepTime(found);
  if (sleep)
    out.push({
      column: sleep,
      title: `Sleep a night${sleep.unit ? ` (${sleep.unit})` : ''}`,
      how: 'average',
      format: '#,##0',
      unitWords: unitWords(sleep, ''),
      upDown: ['more', 'less'],
    });
  const rhr = roles.restingHeartRate(found);
  if (rhr)
    out.push({
      column: rhr,
      title: `Resting heart rate${rhr.unit ? ` (${rhr.unit})` : ''}`,
      how: 'average',
      format: '0.0',
      unitWords: unitWords(rhr, ''),
      upDown: ['higher', 'lower'],
    });
  const azm = roles.azmTotal(found);
  if (azm)
    out.push({
      column: azm,
      title: 'Active zone minutes a week',
      how: 'total',
      format: '#,##0',
      unitWords: ' min',
      upDown: ['more', 'fewer'],
    });
  const weight = roles.weight(found);
  if (weight)
    out.push({
      column: weight,
      title: `Weight${weight.unit ? ` (${weight.unit})` : ''}`,
      how: 'average',
      format: '0.0',
      unitWords: unitWords(weight, ''),
      upDown: ['heavier', 'lighter'],
    });
  return out;
}

const ROW_LABELS = ['', 'Last 7 days', '7 days before', 'Change'];

/** The block at A1: a title row, then one column per figure (header, last 7, 7 before, change). */
export function planKeyFigures(dailySheet: string, columns: DailyColumns): GridBlock {
  const dates = wholeColumn(dailySheet, columns.dateColumn);
  const last = LAST_DATE_CELL;
  const window = (fromBack: number, toBack: number) =>
    `${dates},">"&(${last}-${fromBack}),${dates},"<="&${toBack === 0 ? last : `(${last}-${toBack})`}`;
  const figures = keyFigures(columns);
  const width = figures.length + 1;
  const title =
    `=IF(${last}>0,"Last 7 days to "&TEXT(${last},"yyyy-mm-dd")&", against the 7 days before",` +
    `"No days synced yet")`;
  const cells: string[][] = [[title, ...figures.map(() => '')]];
  const formats: string[][] = [Array(width).fill(GENERAL)];
  ROW_LABELS.forEach((label, i) => {
    cells.push([label]);
    formats.push([GENERAL]);
    figures.forEach((f, k) => {
      const col = columnLetter(k + 2);
      const values = wholeColumn(dailySheet, f.column.column);
      const figure = (w: string) =>
        f.how === 'average'
          ? `=IFERROR(AVERAGEIFS(${values},${w}),"")`
          : // No value at all in the window shows empty, not a total of 0.
            `=IFERROR(AVERAGEIFS(${values},${w})*0+SUMIFS(${values},${w}),"")`;
      const cell =
        i === 0
          ? f.title
          : i === 1
            ? figure(window(7, 0))
            : i === 2
              ? figure(window(14, 7))
              : changeText(`${col}3`, `${col}4`, f);
      cells[i + 1].push(cell);
      formats[i + 1].push(i === 1 || i === 2 ? f.format : GENERAL);
    });
  });
  return { row: 1, column: 1, cells, formats };
}

/** "▲ 1,234 steps more (+12%)", "▼ 0.4 kg lighter (-1%)", "→ no change". */
function changeText(now: string, before: string, f: Figure): string {
  const { format, unitWords: words } = f;
  const diff = `${now}-${before}`;
  const percent = `IF(${before}=0,""," ("&IF(${diff}>0,"+","-")&TEXT(ABS(${diff})/${before},"0%")&")")`;
  return (
    `=IF(AND(ISNUMBER(${now}),ISNUMBER(${before})),` +
    `IF(TEXT(ABS(${diff}),${literal(format)})=TEXT(0,${literal(format)}),"→ no change",` +
    `IF(${diff}>0,"▲ ","▼ ")&TEXT(ABS(${diff}),${literal(format)})&${literal(words)}` +
    `&IF(${diff}>0,${literal(` ${f.upDown[0]}`)},${literal(` ${f.upDown[1]}`)})&${percent}),"")`
  );
}
