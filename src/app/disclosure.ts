// What the person reads before Authorize: what the add-on reads, what for, and where it goes, as
// Google asks of apps that use restricted scopes (every Google Health scope is restricted).
// docs/privacy.md says the same at length; keep the two in step.
import { metric, supportedMetricIds, type MetricId } from '../providers/metrics';
import type { ProviderId } from '../providers/provider';

export interface Disclosure {
  heading: string;
  /** Short sentences, each one fact: read, purpose, destination, storage, sharing. */
  points: string[];
}

const SOURCE: Record<ProviderId, string> = {
  'google-health': 'Google Health (Fitbit) account',
  fitbit: 'Fitbit account',
};

function listed(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Names the metrics this spreadsheet reads, so the text matches the scopes asked for. */
export function disclosure(
  provider: ProviderId | null,
  metricIds: readonly MetricId[],
): Disclosure {
  const source = provider ? SOURCE[provider] : 'Google Health (Fitbit) or Fitbit account';
  const ids = provider ? supportedMetricIds(provider, metricIds) : metricIds;
  const what = listed(ids.map((id) => metric(id).label.toLowerCase()));
  return {
    heading: 'What the add-on reads and where it goes',
    points: [
      `It reads from your ${source}: ${what}, one total per day, and your account's user id (to show which account is connected). Nothing else.`,
      'It uses them for one thing: a row per day in a sheet of this spreadsheet, written when you sync or backfill, or once a day if you turn daily sync on.',
      'They go nowhere else: from the provider straight into this spreadsheet, through Google Apps Script in your own Google account. The add-on has no server; its publisher receives none of your data.',
      'Your sign-in to the provider is kept in storage only your Google account can read; Disconnect deletes it and withdraws the access.',
      'Anyone you share this spreadsheet with can see the rows written into it.',
    ],
  };
}
