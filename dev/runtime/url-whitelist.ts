// The manifest's urlFetchWhitelist as Apps Script applies it: every URL UrlFetchApp fetches must
// start with one of the listed https prefixes, else the fetch throws before anything is sent.
/**
 * Prefix rules (Apps Script manifest reference, "Allowlist URLs"): a valid https URL with a full
 * domain and a non-empty path (`https://example.com/`, not `https://example.com`); a wildcard
 * only as the leading subdomain label (`https://*.example.com/`). No list in the manifest: no
 * check (it is optional for test deployments).
 */

export type UrlWhitelist = readonly string[] | null;

const ENTRY = /^https:\/\/(\*\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?)(\/.*)$/i;

/** Why an entry is not a valid prefix, or null when it is. */
export function whitelistEntryProblem(entry: unknown): string | null {
  if (typeof entry !== 'string') return 'not a string';
  if (!/^https:\/\//i.test(entry)) return 'must start with https://';
  if (!ENTRY.test(entry))
    return 'needs a full domain and a path after it (at least "/"); "*." only as the leading subdomain';
  return null;
}

/** The list from a parsed appsscript.json; throws on an entry Apps Script would not accept. */
export function whitelistOf(manifest: unknown): UrlWhitelist {
  const list = (manifest as { urlFetchWhitelist?: unknown } | null)?.urlFetchWhitelist;
  if (list === undefined) return null;
  if (!Array.isArray(list)) throw new Error('appsscript.json: urlFetchWhitelist must be a list');
  for (const entry of list) {
    const problem = whitelistEntryProblem(entry);
    if (problem)
      throw new Error(
        `appsscript.json: urlFetchWhitelist entry ${JSON.stringify(entry)} ${problem}`,
      );
  }
  return list as string[];
}

function matches(url: string, prefix: string): boolean {
  const p = ENTRY.exec(prefix);
  const u = /^https:\/\/([^/?#]+)(.*)$/i.exec(url);
  if (!p || !u) return false;
  const [, wildcard, domain, path] = p;
  const host = u[1].toLowerCase();
  const rest = u[2].startsWith('/') ? u[2] : `/${u[2]}`;
  const d = domain.toLowerCase();
  const hostOk = wildcard ? host.endsWith(`.${d}`) && host.length > d.length + 1 : host === d;
  return hostOk && rest.startsWith(path);
}

export function isWhitelisted(url: string, whitelist: UrlWhitelist): boolean {
  return whitelist === null || whitelist.some((prefix) => matches(url, prefix));
}

/**
 * The exception's text. Apps Script's wording for a URL outside an add-on's allowlist, as reported
 * for openLink URLs (googleworkspace/apps-script-oauth2 issue 114); that UrlFetchApp uses the same
 * words is not verified. Only scheme, host and path are shown: a query may carry a secret.
 */
export function notWhitelistedMessage(url: string): string {
  const shown = url.replace(/[?#].*$/, '');
  return `URL (${shown}) does not match any of the prefixes whitelisted for use in the add-on.`;
}
