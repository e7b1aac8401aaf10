// The sync's note about dates found in more than one row: the rows named as the person sees them,
// which one the add-on updates, and a bounded length however many dates repeat.
import { SYNC_MESSAGES } from '../../../../src/app/sync/messages';

describe('duplicate dates note', () => {
  it('names both rows of a date typed twice and which one the add-on updates', () => {
    expect(SYNC_MESSAGES.duplicates([{ date: '2026-03-01', kept: 12, left: [40] }])).toBe(
      'Rows 12 and 40 both hold 2026-03-01: the add-on updates row 12 and leaves row 40 as it is. Nothing was deleted: remove or change the extra rows if you do not need them.',
    );
  });

  it('lists three or more rows of one date, and names at most three dates', () => {
    const note = SYNC_MESSAGES.duplicates([
      { date: '2026-03-01', kept: 2, left: [9, 11] },
      { date: '2026-03-02', kept: 3, left: [12] },
      { date: '2026-03-03', kept: 4, left: [13] },
      { date: '2026-03-04', kept: 5, left: [14] },
      { date: '2026-03-05', kept: 6, left: [15] },
    ]);
    expect(note).toContain(
      'Rows 2, 9 and 11 all hold 2026-03-01: the add-on updates row 2 and leaves rows 9 and 11 as they are.',
    );
    expect(note).toContain('Rows 4 and 13 both hold 2026-03-03');
    expect(note).not.toContain('2026-03-04');
    expect(note).toContain('2 more dates are in more than one row.');
  });
});
