// The sidebar drawn from the model, as HTML: the step the person is at leads, its main action is
// the one blue button, and each control's answer sits right under it. Pure: same model, same page.
import type { ProviderChoice, SidebarState } from '../../app/sidebar-state';
import type { SyncView } from '../../app/sync/view';
import { DOMAINS } from '../../providers/metrics';
import { stageOf, type Stage } from './flow';
import { progressLabel, plural, when } from './format';
import { flag, html, Html } from './html';
import { dashboardValues, setupValues, settingsValues, type ControlId, type Model } from './model';

const UNIT_LABELS: Record<string, string> = {
  metric: 'Metric (km, kg)',
  us: 'US (mi, lb)',
  uk: 'UK (km, st)',
};

/** Stone is written as a decimal number of stones (12.5 st): a number formulas and charts use. */
const WEIGHT_UNIT_LABELS: Record<string, string> = {
  kg: 'Kilograms (kg)',
  lb: 'Pounds (lb)',
  st: 'Stones (st, as a decimal)',
};

/** Ids of the setup form's fields, by the name the server's validation gives them. */
export const FIELD_IDS = {
  provider: 'provider-choices',
  clientId: 'client-id',
  clientSecret: 'client-secret',
  appType: 'app-type',
} as const;

/** Where the answer to a control appears (focused once it does). */
export function feedbackId(control: ControlId): string {
  return `fb-${control}`;
}

interface Ctx {
  model: Model;
  state: SidebarState;
  stage: Stage;
  /** Controls drawn so far: an answer of one that is not drawn goes to the lead slot. */
  placed: Set<ControlId>;
  /** Every answer's text: a server line already said by one of them is not said again. */
  said: string[];
}

export function render(model: Model): Html {
  const state = model.server;
  if (!state)
    return html`<p id="loading" class="${model.loadError ? 'error' : 'hint'}" role="status">
      ${model.loadError ?? 'Loading…'}
    </p>`;
  const stage = stageOf(state);
  const said = Object.values(model.feedback).map((f) => f.text);
  const ctx: Ctx = { model, state, stage, placed: new Set(), said };
  // Sections drawn in the order the person needs them; the lead slot is filled last, once it
  // is known which answers have no control of their own on the page.
  const body: Html[] = [statusCard(ctx)];
  const personal = state.setupMode !== 'publisher';
  if (stage.kind === 'setup' && personal) body.push(setupForm(ctx, true));
  if (stage.kind === 'authorize') body.push(authorizeStep(ctx));
  if (stage.kind === 'problem') body.push(problemStep(ctx, stage.fix));
  if (stage.kind === 'connected') body.push(syncSection(ctx));
  if (stage.kind !== 'setup') {
    body.push(secondaryActions(ctx));
    if (model.setupOpen && personal) body.push(setupForm(ctx, false));
  }
  const orphans = (Object.keys(model.feedback) as ControlId[]).filter((c) => !ctx.placed.has(c));
  const lead = html`<div id="lead" class="lead">${orphans.map((c) => feedbackSlot(ctx, c))}</div>`;
  return html`${body[0]}${lead}${body.slice(1)}`;
}

function notSaid(ctx: Ctx, text: string | null | undefined): text is string {
  return !!text && !ctx.said.some((s) => s.includes(text));
}

/** The answer slot of a control: always present, so screen readers announce what lands in it. */
function feedbackSlot(ctx: Ctx, control: ControlId): Html {
  ctx.placed.add(control);
  const fb = ctx.model.feedback[control];
  const busy = ctx.model.busy === control;
  const text = fb?.text ?? (busy ? 'Working…' : '');
  const tone = fb?.tone ?? 'info';
  // One role for good: a live region whose role changes is not announced reliably. Focus moves
  // here once an answer lands, which makes screen readers read it in any case.
  // prettier-ignore
  return html`<div id="${feedbackId(control)}" class="feedback ${tone}" role="status" tabindex="-1">${linked(text)}</div>`;
}

function anyBusy(ctx: Ctx): boolean {
  return ctx.model.busy !== null;
}

function button(
  ctx: Ctx,
  id: string,
  label: string,
  opts: { main?: boolean; danger?: boolean; type?: 'button' | 'submit'; expanded?: boolean } = {},
): Html {
  const cls = [opts.main ? 'action' : '', opts.danger ? 'danger' : ''].filter(Boolean).join(' ');
  const expanded = opts.expanded === undefined ? '' : ` aria-expanded="${opts.expanded}"`;
  // prettier-ignore
  return html`<button type="${opts.type ?? 'button'}" id="${id}"${cls ? html` class="${cls}"` : ''}${new Html(expanded)}${flag('disabled', anyBusy(ctx))}>${label}</button>`;
}

function tone(state: SidebarState): string {
  const s = state.connection.state;
  if (s === 'connected') return 'connected';
  if (s === 'retired' || s === 'reconnect') return 'bad';
  if (s === 'account-not-linked') return 'warn';
  return '';
}

function list(id: string, items: string[]): Html {
  return html`<ul id="${id}">
    ${items.map((i) => html`<li>${i}</li>`)}
  </ul>`;
}

function statusCard(ctx: Ctx): Html {
  const c = ctx.state.connection;
  const connected = c.state === 'connected';
  const account = c.accountId
    ? html`<p id="status-account">
        Account: ${c.accountLabel ?? c.accountId} (${c.providerLabel})
      </p>`
    : c.providerLabel && c.state !== 'setup-needed'
      ? html`<p id="status-provider" class="hint">Provider: ${c.providerLabel}</p>`
      : '';
  return html`<section id="connection" aria-labelledby="status-heading">
    <h2 id="status-heading">Connection</h2>
    <div id="status" class="status ${tone(ctx.state)}" role="status">
      ${notSaid(ctx, c.message) ? html`<p id="status-message">${c.message}</p>` : ''} ${account}
      ${
        connected && c.grantedScopes.length > 0
          ? html`<div id="status-scopes">
              <p>Data the add-on may read:</p>
              ${list('granted-list', c.grantedScopes)}
            </div>`
          : ''
      }
      ${
        connected && c.missingScopes.length > 0
          ? html`<div id="status-missing">
              <p>Left out at consent (these columns stay empty; Authorize again to allow them):</p>
              ${list('missing-list', c.missingScopes)}
            </div>`
          : ''
      }
      ${
        connected && c.notRequestedScopes.length > 0
          ? html`<div id="status-not-requested">
              <p>Needed by the data you chose since you connected (Authorize again to allow it):</p>
              ${list('not-requested-list', c.notRequestedScopes)}
            </div>`
          : ''
      }
    </div>
  </section>`;
}

function authorizeStep(ctx: Ctx): Html {
  const d = ctx.state.disclosure;
  return html`<section id="authorize-step" aria-labelledby="authorize-heading">
    <h2 id="authorize-heading">Connect your account</h2>
    <div class="row">${button(ctx, 'authorize', 'Authorize', { main: true })}</div>
    ${feedbackSlot(ctx, 'authorize')} ${popupFallback(ctx)}
    <div id="disclosure" class="disclosure">
      <h3 id="disclosure-heading">${d.heading}</h3>
      <ul id="disclosure-points" aria-labelledby="disclosure-heading">
        ${d.points.map((p) => html`<li>${p}</li>`)}
      </ul>
    </div>
    ${ctx.state.sync ? settingsForm(ctx, ctx.state.sync) : ''}
  </section>`;
}

function popupFallback(ctx: Ctx): Html | '' {
  const consent = ctx.model.consent;
  if (!consent?.popupBlocked || !/^https?:\/\//.test(consent.url)) return '';
  return html`<p id="popup-fallback">
    Your browser blocked the new window.
    <a id="popup-link" href="${consent.url}" target="_blank" rel="noopener"
      >Open the consent page</a
    >
  </p>`;
}

function problemStep(ctx: Ctx, fix: 'authorize' | 'switch-google' | 'sign-up'): Html {
  const c = ctx.state.connection;
  let main: Html;
  let control: ControlId;
  if (fix === 'switch-google' && ctx.state.setupMode === 'publisher') {
    // The publisher chooses the provider: the person can only be told.
    main = html`<p id="publisher-switch" class="hint">
      The add-on's publisher has to switch it to Google Health; nothing to do here until then.
    </p>`;
    control = 'check';
  } else if (fix === 'switch-google') {
    main = button(ctx, 'switch-google', 'Switch to Google Health', { main: true });
    control = 'switch-google';
  } else if (fix === 'sign-up' && c.signUpUrl && /^https:\/\//.test(c.signUpUrl)) {
    main = html`<a
      id="signup-link"
      class="button action"
      href="${c.signUpUrl}"
      target="_blank"
      rel="noopener"
      >Set up your Google Health profile</a
    >`;
    control = 'check';
  } else {
    main = button(ctx, 'authorize', 'Authorize', { main: true });
    control = 'authorize';
  }
  return html`<section id="problem-step" aria-labelledby="problem-heading">
    <h2 id="problem-heading">What to do</h2>
    <div class="row">${main}</div>
    ${feedbackSlot(ctx, control)} ${control === 'authorize' ? popupFallback(ctx) : ''}
  </section>`;
}

function syncSection(ctx: Ctx): Html {
  const v = ctx.state.sync;
  if (!v)
    return html`<section id="sync-section">
      <p class="hint">Open the add-on from a spreadsheet to sync.</p>
    </section>`;
  return html`<section id="sync-section" aria-labelledby="sync-heading">
    <h2 id="sync-heading">Sync</h2>
    <div class="row">${button(ctx, 'sync-now', 'Sync now', { main: true })}</div>
    ${feedbackSlot(ctx, 'sync-now')} ${lastResult(ctx, v)} ${backfill(ctx, v)} ${intraday(ctx, v)}
    ${daily(ctx, v)} ${recordSheets(ctx, v)} ${settingsForm(ctx, v)} ${dashboardForm(ctx)}
  </section>`;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The Dashboard, Weekly and Monthly sheets: when weeks start, the step goal, and a redraw now. */
function dashboardForm(ctx: Ctx): Html {
  const values = dashboardValues(ctx.model);
  return html`<form id="dashboard-settings" novalidate>
    <h3 id="dashboard-heading">Dashboard</h3>
    <label for="week-start">Weeks start on</label>
    <select id="week-start">
      ${WEEKDAYS.map(
        (name, i) =>
          html`<option value="${i + 1}" ${flag('selected', values.weekStart === String(i + 1))}>
            ${name}
          </option>`,
      )}
    </select>
    <label for="step-goal">Daily step goal</label>
    <input type="text" id="step-goal" inputmode="numeric" value="${values.stepGoal}" />
    <div class="row">
      ${button(ctx, 'save-dashboard', 'Save dashboard settings', { type: 'submit' })}
      ${button(ctx, 'refresh-dashboard', 'Refresh dashboard')}
    </div>
    ${feedbackSlot(ctx, 'dashboard')}
  </form>`;
}

function lastResult(ctx: Ctx, v: SyncView): Html {
  const p = v.progress;
  // Under way, the progress is the news: an earlier "last sync" line would read as current.
  const headline = v.running
    ? p
      ? null
      : 'Syncing…'
    : p
      ? null
      : v.lastSync
        ? `Last sync ${when(v.lastSync.atMs)}: ${plural(v.lastSync.days, 'day')} written.`
        : 'Not synced yet.';
  // The pause's reason may be the answer next to Backfill already: then only the time is new.
  const next =
    v.next?.kind === 'continuation'
      ? `${notSaid(ctx, v.next.message) ? `${v.next.message} ` : ''}Next run: ${when(v.next.atMs)}.`
      : null;
  const scheduled = v.lastScheduled;
  return html`<div id="sync-status" class="status" role="status">
    ${headline ? html`<p id="sync-last">${headline}</p>` : ''}
    ${
      p
        ? html`<div id="sync-progress-box">
            <p id="sync-progress-label">${progressLabel(p)}</p>
            <div
              id="sync-progress"
              class="bar"
              role="progressbar"
              aria-labelledby="sync-progress-label"
              aria-valuemin="0"
              aria-valuemax="100"
              aria-valuenow="${p.percent}"
              aria-valuetext="${p.daysDone} of ${p.daysTotal} days"
            >
              <div class="fill" style="width: ${p.percent}%"></div>
            </div>
          </div>`
        : ''
    }
    ${notSaid(ctx, next) ? html`<p id="sync-next">${next}</p>` : ''}
    ${notSaid(ctx, v.problem) ? html`<p id="sync-problem" class="error">${linked(v.problem)}</p>` : ''}
    ${
      v.notes.filter((n) => notSaid(ctx, n)).length > 0
        ? list(
            'sync-notes',
            v.notes.filter((n) => notSaid(ctx, n)),
          )
        : ''
    }
    ${
      scheduled
        ? html`<p id="sync-scheduled" class="${scheduled.ok ? '' : 'error'}">
            Last scheduled sync ${when(scheduled.atMs)}: ${scheduled.message}
          </p>`
        : ''
    }
    ${notSaid(ctx, v.hint) ? html`<p id="sync-hint" class="hint">${v.hint}</p>` : ''}
  </div>`;
}

function backfill(ctx: Ctx, v: SyncView): Html {
  const b = v.backfillBounds;
  const m = ctx.model;
  const under = !!v.progress;
  return html`<div id="backfill-group" class="group">
    <label for="backfill-start">Backfill from</label>
    <div class="copyrow">
      <input
        type="date"
        id="backfill-start"
        value="${m.backfillStart}"
        ${b ? html` min="${b.min}" max="${b.max}"` : ''}
        aria-describedby="backfill-hint ${feedbackId('backfill')}"
        ${m.backfillInvalid ? html` aria-invalid="true"` : ''}
      />
      ${button(ctx, 'backfill', 'Backfill')}
    </div>
    <p id="backfill-hint" class="hint">
      Brings in every day from this date until today${b ? ` (${b.min} at the earliest)` : ''}; long
      ranges continue by themselves.
    </p>
    ${under ? html`<div class="row">${button(ctx, 'cancel', `Cancel ${v.progress?.mode === 'backfill' ? 'backfill' : v.progress?.mode === 'intraday' ? 'intraday' : 'sync'}`)}</div>` : ''}
    ${feedbackSlot(ctx, 'backfill')}
  </div>`;
}

function intraday(ctx: Ctx, v: SyncView): Html {
  const i = v.intraday;
  const m = ctx.model;
  if (!i.supported)
    return html`<div id="intraday-group" class="group">
      <p id="intraday-hint" class="hint">${i.note}</p>
    </div>`;
  const bounds = i.max ? html` max="${i.max}"` : '';
  return html`<div id="intraday-group" class="group">
    <fieldset>
      <legend>Intraday: every minute</legend>
      <div class="copyrow">
        <label for="intraday-start">From</label>
        <input
          type="date"
          id="intraday-start"
          value="${m.intradayStart}"
          ${bounds}
          aria-describedby="intraday-hint ${feedbackId('intraday')}"
        />
        <label for="intraday-end">to</label>
        <input
          type="date"
          id="intraday-end"
          value="${m.intradayEnd}"
          ${bounds}
          aria-describedby="intraday-hint ${feedbackId('intraday')}"
        />
      </div>
      <div class="row">${button(ctx, 'intraday', 'Fetch intraday')}</div>
      <p id="intraday-hint" class="hint">${i.note}</p>
    </fieldset>
    ${feedbackSlot(ctx, 'intraday')}
  </div>`;
}

function daily(ctx: Ctx, v: SyncView): Html {
  const at = v.next?.kind === 'daily' ? v.next.message : null;
  return html`<div id="daily-group" class="group">
    <label class="choice"
      ><input
        type="checkbox"
        id="daily"
        ${flag('checked', ctx.model.dailyWanted ?? v.daily)}${flag('disabled', anyBusy(ctx))}
        aria-describedby="daily-hint"
      />
      <span>Sync every morning (daily trigger)</span></label
    >
    <p id="daily-hint" class="hint">${at ?? 'Off: the sheet changes only when you sync.'}</p>
    ${feedbackSlot(ctx, 'daily')}
  </div>`;
}

/** One switch per record sheet (Exercises, ...): saved as soon as it changes, like daily sync. */
function recordSheets(ctx: Ctx, v: SyncView): Html {
  if (v.recordSheets.length === 0) return html``;
  return html`<fieldset id="record-sheets" class="group">
    <legend>Sheets with one row per session</legend>
    ${v.recordSheets.map(
      (r) =>
        html`<label class="choice"
            ><input
              type="checkbox"
              name="record-sheet"
              id="record-sheet-${r.id}"
              value="${r.id}"
              ${flag('checked', ctx.model.recordSheetsWanted?.includes(r.id) ?? r.on)}${flag(
                'disabled',
                anyBusy(ctx) || !r.supplied,
              )}
              aria-describedby="record-sheet-${r.id}-hint"
            />
            <span>${r.label}</span></label
          >
          <p id="record-sheet-${r.id}-hint" class="hint">
            ${r.note ?? `${r.description} Rows go to “${r.sheetName}”.`}
          </p>`,
    )}
    ${feedbackSlot(ctx, 'record-sheets')}
  </fieldset>`;
}

function settingsForm(ctx: Ctx, v: SyncView): Html {
  const values = settingsValues(ctx.model);
  return html`<form id="sync-settings" novalidate>
    <fieldset>
      <legend>Data to sync</legend>
      <div id="metric-choices">
        ${DOMAINS.map((d) => {
          const inDomain = v.settings.available.filter((m) => m.domain === d.id);
          if (inDomain.length === 0) return '';
          // prettier-ignore
          const reads = inDomain[0].domainReads;
          // prettier-ignore
          const readsHint = reads ? html`<p id="domain-reads-${d.id}" class="hint domain-reads">Permission: ${reads}</p>` : '';
          // prettier-ignore
          return html`<div class="domain" role="group" aria-labelledby="domain-${d.id}"${reads ? html` aria-describedby="domain-reads-${d.id}"` : ''}><p id="domain-${d.id}" class="domain-label">${d.label}</p>${readsHint}${inDomain.map((m) => html`<label class="choice"><input type="checkbox" name="metric" value="${m.id}"${flag('checked', values.metrics.includes(m.id))} /><span>${m.label}</span></label>`)}</div>`;
        })}
      </div>
    </fieldset>
    <label for="units">Units</label>
    <select id="units">
      ${v.settings.unitChoices.map(
        (u) =>
          html`<option value="${u}" ${flag('selected', values.units === u)}>
            ${UNIT_LABELS[u] ?? u}
          </option>`,
      )}
    </select>
    <label for="weight-unit">Weight in</label>
    <select id="weight-unit">
      <option value="" ${flag('selected', values.weightUnit === '')}>Same as Units</option>
      ${v.settings.weightUnitChoices.map(
        (u) =>
          html`<option value="${u}" ${flag('selected', values.weightUnit === u)}>
            ${WEIGHT_UNIT_LABELS[u] ?? u}
          </option>`,
      )}
    </select>
    <div class="row">${button(ctx, 'save-sync', 'Save settings', { type: 'submit' })}</div>
    ${feedbackSlot(ctx, 'settings')}
  </form>`;
}

function secondaryActions(ctx: Ctx): Html {
  const c = ctx.state.connection;
  const connected = c.state === 'connected' || c.state === 'account-not-linked';
  const buttons: Html[] = [];
  if (c.state === 'connected') buttons.push(button(ctx, 'authorize', 'Authorize again'));
  if (connected) buttons.push(button(ctx, 'check', 'Check connection'));
  if (connected || c.state === 'retired')
    buttons.push(button(ctx, 'disconnect', 'Disconnect', { danger: true }));
  // With the publisher's client there is nothing to set up here.
  if (ctx.state.setupMode !== 'publisher')
    buttons.push(button(ctx, 'toggle-setup', 'Change setup', { expanded: ctx.model.setupOpen }));
  const confirm = ctx.model.confirmingDisconnect
    ? html`<div id="confirm-disconnect" class="confirm" role="group" aria-labelledby="confirm-text">
        <p id="confirm-text">
          Disconnect ${c.providerLabel ?? 'the account'}? The add-on loses access to your
          data${ctx.state.sync?.daily ? ' and the daily sync turns off' : ''}. The sheet keeps what
          it has.
        </p>
        <div class="row">
          ${button(ctx, 'confirm-disconnect-yes', 'Disconnect', { danger: true })}
          ${button(ctx, 'confirm-disconnect-no', 'Keep connected')}
        </div>
      </div>`
    : '';
  const placeAuthorize = c.state === 'connected';
  const slots: ControlId[] = [];
  if (placeAuthorize) slots.push('authorize');
  if (connected) slots.push('check');
  if (connected || c.state === 'retired') slots.push('disconnect');
  return html`<section id="more" class="secondary" aria-labelledby="more-heading">
    <h2 id="more-heading">Connection settings</h2>
    <div class="row">${buttons}</div>
    ${confirm} ${slots.map((s) => feedbackSlot(ctx, s))} ${placeAuthorize ? popupFallback(ctx) : ''}
  </section>`;
}

function providerChoices(ctx: Ctx, selected: string): Html {
  const err = ctx.model.setupErrors.provider;
  return html`<fieldset
    id="${FIELD_IDS.provider}"
    ${err ? html` aria-invalid="true"` : ''}
    aria-describedby="error-provider"
  >
    <legend>Data provider</legend>
    ${ctx.state.providers.map(
      (p: ProviderChoice) =>
        html`<label class="choice"
          ><input
            type="radio"
            name="provider"
            value="${p.id}"
            id="provider-${p.id}"
            ${flag('checked', p.id === selected)}
            aria-describedby="note-${p.id}"
          /><span
            ><span>${p.label} </span
            >${p.recommended ? html`<span class="badge">Recommended</span>` : ''}<span
              class="hint block"
              id="note-${p.id}"
              >${p.note}</span
            ></span
          ></label
        >`,
    )}
    <div id="error-provider" class="error">${err ?? ''}</div>
  </fieldset>`;
}

function field(
  ctx: Ctx,
  name: 'clientId' | 'clientSecret' | 'appType',
): { invalid: Html; error: Html } {
  const err = ctx.model.setupErrors[name];
  return {
    invalid: err ? html` aria-invalid="true"` : html``,
    error: html`<div id="error-${name}" class="error">${err ?? ''}</div>`,
  };
}

function setupForm(ctx: Ctx, leads: boolean): Html {
  const values = setupValues(ctx.model);
  const choice = ctx.state.providers.find((p) => p.id === values.provider);
  const id = field(ctx, 'clientId');
  const secret = field(ctx, 'clientSecret');
  const appType = field(ctx, 'appType');
  const secretSet = choice?.secretSet ?? false;
  return html`<section id="setup-section" aria-labelledby="setup-heading">
    <h2 id="setup-heading">Setup</h2>
    <form id="setup-form" novalidate>
      ${providerChoices(ctx, values.provider)}
      ${
        values.provider === 'fitbit'
          ? html`<div id="fitbit-app-type">
              <label for="app-type">Fitbit app type (as registered)</label>
              <select
                id="app-type"
                aria-describedby="app-type-hint error-appType"
                ${appType.invalid}
              >
                ${(['server', 'client', 'personal'] as const).map(
                  (t) =>
                    html`<option value="${t}" ${flag('selected', values.appType === t)}>
                      ${t[0].toUpperCase() + t.slice(1)}
                    </option>`,
                )}
              </select>
              <p id="app-type-hint" class="hint">
                Server apps send the secret with every token request; Client and Personal apps never
                do.
              </p>
              ${appType.error}
            </div>`
          : ''
      }
      <label for="client-id">Client ID</label>
      <input
        type="text"
        id="client-id"
        autocomplete="off"
        spellcheck="false"
        value="${values.clientId}"
        placeholder="${choice?.clientIdExample ?? ''}"
        aria-describedby="client-id-hint error-clientId"
        ${id.invalid}
      />
      <p id="client-id-hint" class="hint">
        ${choice ? `Looks like ${choice.clientIdExample}.` : ''}
      </p>
      ${id.error}
      <label for="client-secret">Client secret</label>
      <input
        type="password"
        id="client-secret"
        autocomplete="off"
        spellcheck="false"
        value="${values.clientSecret}"
        placeholder="${secretSet ? 'Set (leave empty to keep it)' : 'Not set'}"
        aria-describedby="secret-hint error-clientSecret"
        ${secret.invalid}
      />
      <p id="secret-hint" class="hint">
        ${
          secretSet
            ? 'A secret is saved. It is never shown again; paste a new one only to replace it.'
            : 'Not set yet. It is stored on the server and never shown again.'
        }
      </p>
      ${secret.error}
      <label for="redirect-uri">Redirect URI to register</label>
      <div class="copyrow">
        <input
          type="text"
          id="redirect-uri"
          readonly
          value="${ctx.state.redirectUri}"
          aria-describedby="register-hint ${feedbackId('copy')}"
        />
        ${button(ctx, 'copy', 'Copy')}
      </div>
      ${feedbackSlot(ctx, 'copy')}
      <p id="register-hint" class="hint">
        ${choice ? `Register it exactly at: ${choice.registerAt}` : ''}
      </p>
      <div class="row">${button(ctx, 'save', 'Save setup', { main: leads, type: 'submit' })}</div>
      ${feedbackSlot(ctx, 'setup')}
    </form>
  </section>`;
}

/**
 * A problem may name the page that fixes it (the console page enabling an API): its https links
 * become anchors, every other part stays escaped text.
 */
export function linked(text: string): Html {
  const parts: Html[] = [];
  const re = /https:\/\/[^\s,;]*[^\s,;.)]/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    parts.push(html`${text.slice(last, m.index)}`);
    parts.push(html`<a href="${m[0]}" target="_blank" rel="noopener">${m[0]}</a>`);
    last = m.index + m[0].length;
  }
  parts.push(html`${text.slice(last)}`);
  return html`${parts}`;
}
