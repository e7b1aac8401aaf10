// Row and column insertions, deletions and moves described as data, and how Sheets carries a line
// index, a span of lines (a range's rows or columns) or an anchor through each: what chart ranges
// and chart positions (and anything else holding references into a sheet) follow.

export type Dimension = 'ROWS' | 'COLUMNS';

export type DimensionChange =
  /** `count` new lines now sit at `at`..`at+count-1`; the lines from `at` on moved down/right. */
  | { sheetId: number; dimension: Dimension; kind: 'insert'; at: number; count: number }
  /** Lines `start`..`start+count-1` are gone; later lines moved up/left. */
  | { sheetId: number; dimension: Dimension; kind: 'delete'; start: number; count: number }
  /**
   * Lines `start`..`start+count-1` now sit before the line that was at `destination` (indexes
   * before the move, as Sheet.moveColumns/moveRows take them).
   */
  | {
      sheetId: number;
      dimension: Dimension;
      kind: 'move';
      start: number;
      count: number;
      destination: number;
    };

/** Where a line that was at `index` is after the change, or null when it was deleted. */
export function mapLine(change: DimensionChange, index: number): number | null {
  switch (change.kind) {
    case 'insert':
      return index >= change.at ? index + change.count : index;
    case 'delete': {
      const end = change.start + change.count - 1;
      if (index < change.start) return index;
      if (index <= end) return null;
      return index - change.count;
    }
    case 'move': {
      const { start, count, destination } = change;
      const end = start + count - 1;
      if (destination > end + 1) {
        // The block goes right: lines between it and the destination close the gap.
        if (index >= start && index <= end) return destination - count + (index - start);
        if (index > end && index < destination) return index - count;
        return index;
      }
      if (destination < start) {
        if (index >= start && index <= end) return destination + (index - start);
        if (index >= destination && index < start) return index + count;
        return index;
      }
      return index; // a destination inside or right after the block leaves every line in place
    }
  }
}

/**
 * The lines `first`..`last` of a reference after the change, as Sheets adjusts a range: an
 * insertion strictly inside widens it, an insertion at or before its first line shifts it, a
 * deletion trims it (null when every line of it is deleted), and a move carries its end lines to
 * their new places (a single line simply follows its line).
 */
export function mapSpan(
  change: DimensionChange,
  first: number,
  last: number,
): { first: number; last: number } | null {
  if (change.kind === 'delete') {
    let newFirst: number | null = null;
    let newLast: number | null = null;
    for (let i = first; i <= last; i++) {
      const mapped = mapLine(change, i);
      if (mapped === null) continue;
      newFirst ??= mapped;
      newLast = mapped;
    }
    return newFirst === null || newLast === null ? null : { first: newFirst, last: newLast };
  }
  if (change.kind === 'insert') {
    return {
      first: first >= change.at ? first + change.count : first,
      last: last >= change.at ? last + change.count : last,
    };
  }
  const a = mapLine(change, first) as number;
  const b = mapLine(change, last) as number;
  return { first: Math.min(a, b), last: Math.max(a, b) };
}

/**
 * Where an object anchored at line `index` (a chart's anchor row or column) goes: it follows its
 * line; when that line is deleted it lands on the line that took the deleted block's place.
 */
export function mapAnchor(change: DimensionChange, index: number, linesAfter: number): number {
  const mapped = mapLine(change, index);
  const landed = mapped ?? (change.kind === 'delete' ? change.start : index);
  return Math.max(1, Math.min(landed, linesAfter));
}
