// How the sidebar words times and progress: in the person's own locale and time zone.
import type { SyncView } from '../../app/sync/view';

export function when(ms: number): string {
  return new Date(ms).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
}

export function progressLabel(p: NonNullable<SyncView['progress']>): string {
  const what = p.mode === 'backfill' ? 'Backfill' : p.mode === 'intraday' ? 'Intraday' : 'Sync';
  return `${what} ${p.start} to ${p.end}: ${p.daysDone} of ${p.daysTotal} days done`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
