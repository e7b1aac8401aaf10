// A zone's UTC offset at an instant from the platform's Intl zone data (the tests' stand-in for
// Utilities.formatDate's 'Z').
/** The offset (minutes east of UTC) at an instant, from the platform's zone data. */
export function intlOffset(zone: string) {
  return (ms: number): number => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    }).formatToParts(new Date(ms));
    const n = (t: string) => Number(parts.find((p) => p.type === t)!.value);
    const local = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'));
    return Math.round((local - Math.floor(ms / 60_000) * 60_000) / 60_000);
  };
}
