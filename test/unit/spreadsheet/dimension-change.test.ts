// How a line, a span of lines (a range's rows or columns) and a chart anchor follow an insert, a
// delete or a move of rows/columns, as Sheets adjusts references.
import {
  type DimensionChange,
  mapAnchor,
  mapLine,
  mapSpan,
} from '../../../dev/runtime/services/spreadsheet/dimension-change';

type Shape<T> = T extends unknown ? Omit<T, 'sheetId' | 'dimension'> : never;
const change = (c: Shape<DimensionChange>): DimensionChange =>
  ({ sheetId: 0, dimension: 'COLUMNS', ...c }) as DimensionChange;

test('moving A:B to index 5 makes them C:D (the documented example) and shifts C:D left', () => {
  const move = change({ kind: 'move', start: 1, count: 2, destination: 5 });
  expect([1, 2, 3, 4, 5].map((i) => mapLine(move, i))).toEqual([3, 4, 1, 2, 5]);
});

test('moving D to index 2 puts it at B and shifts B:C right; a destination inside is no move', () => {
  const move = change({ kind: 'move', start: 4, count: 1, destination: 2 });
  expect([1, 2, 3, 4, 5].map((i) => mapLine(move, i))).toEqual([1, 3, 4, 2, 5]);
  const none = change({ kind: 'move', start: 2, count: 2, destination: 3 });
  expect([1, 2, 3, 4].map((i) => mapLine(none, i))).toEqual([1, 2, 3, 4]);
});

test('an insert at or before a span shifts it, inside widens it, after leaves it', () => {
  const at = (n: number) => change({ kind: 'insert', at: n, count: 2 });
  expect(mapSpan(at(3), 3, 5)).toEqual({ first: 5, last: 7 });
  expect(mapSpan(at(4), 3, 5)).toEqual({ first: 3, last: 7 });
  expect(mapSpan(at(6), 3, 5)).toEqual({ first: 3, last: 5 });
});

test('a delete trims a span, drops it when all of it goes, and lands an anchor on the gap', () => {
  const del = change({ kind: 'delete', start: 4, count: 3 });
  expect(mapSpan(del, 2, 5)).toEqual({ first: 2, last: 3 });
  expect(mapSpan(del, 5, 9)).toEqual({ first: 4, last: 6 });
  expect(mapSpan(del, 4, 6)).toBeNull();
  expect(mapAnchor(del, 5, 20)).toBe(4);
  expect(mapAnchor(del, 10, 20)).toBe(7);
  expect(mapAnchor(del, 10, 5)).toBe(5);
});
