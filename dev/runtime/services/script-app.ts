// The ScriptApp global: script id, enums, encrypted state tokens (sealed by the host) and
// installable time-driven triggers (kept by the host).
import { createHash } from 'node:crypto';
import type { ClockSpec, TriggerInfo } from '../host/triggers';
import { requireAuthorization, type WorkerEnv } from './env';
import { facadeHandle } from './spreadsheet/facade';

const AuthMode = {
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
} as const;
const AuthorizationStatus = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' } as const;
const EventType = {
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
} as const;
const TriggerSource = {
  SPREADSHEETS: 'SPREADSHEETS',
  CLOCK: 'CLOCK',
  FORMS: 'FORMS',
  DOCUMENTS: 'DOCUMENTS',
  CALENDAR: 'CALENDAR',
} as const;
// The three values Apps Script documents for ScriptApp.InstallationSource.
const InstallationSource = {
  APPS_MARKETPLACE_DOMAIN_ADD_ON: 'APPS_MARKETPLACE_DOMAIN_ADD_ON',
  NONE: 'NONE',
  WEB_STORE_ADD_ON: 'WEB_STORE_ADD_ON',
} as const;

function triggerObject(t: TriggerInfo): object {
  return {
    getUniqueId: () => t.id,
    getHandlerFunction: () => t.handler,
    getEventType: () => EventType.CLOCK,
    getTriggerSource: () => TriggerSource.CLOCK,
    getTriggerSourceId: () => null,
  };
}

function clockBuilder(env: WorkerEnv, handler: string): object {
  const spec: ClockSpec = { handler };
  const invalid = (name: string) => env.realm.error(`Invalid argument: ${name}`);
  const b = {
    after(durationMillis: number) {
      if (!(Number(durationMillis) >= 0)) throw invalid('durationMillis');
      spec.afterMs = Number(durationMillis);
      return b;
    },
    at(date: Date) {
      if (!date || typeof date.getTime !== 'function') throw invalid('date');
      spec.atMs = date.getTime();
      return b;
    },
    everyMinutes(n: number) {
      if (![1, 5, 10, 15, 30].includes(Number(n))) throw invalid('minutes');
      spec.everyMinutes = Number(n);
      return b;
    },
    everyHours(n: number) {
      if (![1, 2, 4, 6, 8, 12].includes(Number(n))) throw invalid('hours');
      spec.everyHours = Number(n);
      return b;
    },
    everyDays(n: number) {
      if (!(Number(n) >= 1)) throw invalid('days');
      spec.everyDays = Number(n);
      return b;
    },
    everyWeeks(n: number) {
      if (!(Number(n) >= 1)) throw invalid('weeks');
      spec.everyWeeks = Number(n);
      return b;
    },
    atHour(hour: number) {
      if (!(Number(hour) >= 0 && Number(hour) <= 23)) throw invalid('hour');
      spec.atHour = Number(hour);
      return b;
    },
    nearMinute(minute: number) {
      if (!(Number(minute) >= 0 && Number(minute) <= 59)) throw invalid('minute');
      spec.nearMinute = Number(minute);
      return b;
    },
    inTimezone(timezone: string) {
      spec.timeZone = String(timezone);
      return b;
    },
    create() {
      requireAuthorization(env, 'ScriptApp.newTrigger', true);
      return triggerObject(env.rpc('script', 'createTrigger', [spec]) as TriggerInfo);
    },
  };
  return b;
}

function stateTokenBuilder(env: WorkerEnv): object {
  let method = '';
  let timeout: number | undefined;
  const args: Record<string, string> = {};
  const b = {
    withMethod(name: string) {
      method = String(name);
      return b;
    },
    withArgument(name: string, value: unknown) {
      args[String(name)] = String(value);
      return b;
    },
    withTimeout(seconds: number) {
      timeout = Number(seconds);
      return b;
    },
    createToken(): string {
      return env.rpc('script', 'createStateToken', [method, args, timeout]) as string;
    },
  };
  return b;
}

export function createScriptApp(env: WorkerEnv): object {
  const spreadsheetIdOf = (sheet: unknown): string | null => {
    const handle = facadeHandle(sheet) as { ss?: unknown } | undefined;
    if (handle && typeof handle.ss === 'string') return handle.ss;
    if (sheet && typeof (sheet as { getId?: unknown }).getId === 'function') {
      return (sheet as { getId(): string }).getId();
    }
    return typeof sheet === 'string' ? sheet : null;
  };
  const listTriggers = (spreadsheetId?: string | null) =>
    env.realm.toRealm(
      (env.rpc('script', 'listTriggers', [spreadsheetId]) as TriggerInfo[]).map(triggerObject),
    );
  return {
    AuthMode,
    AuthorizationStatus,
    EventType,
    TriggerSource,
    InstallationSource,
    WeekDay: {
      SUNDAY: 'SUNDAY',
      MONDAY: 'MONDAY',
      TUESDAY: 'TUESDAY',
      WEDNESDAY: 'WEDNESDAY',
      THURSDAY: 'THURSDAY',
      FRIDAY: 'FRIDAY',
      SATURDAY: 'SATURDAY',
    },
    getScriptId: () => env.scriptId,
    getInstallationSource: () => InstallationSource[env.ctx.installationSource],
    getOAuthToken: () => {
      requireAuthorization(env, 'ScriptApp.getOAuthToken');
      // An opaque stand-in: never a real credential.
      return (
        'ya29.local-' + createHash('sha256').update(env.ctx.user).digest('base64url').slice(0, 32)
      );
    },
    getAuthorizationInfo: (_mode: string) => {
      const missing = env.ctx.missingScopes ?? [];
      return {
        getAuthorizationStatus: () =>
          missing.length > 0 ? AuthorizationStatus.REQUIRED : AuthorizationStatus.NOT_REQUIRED,
        // A stand-in address: the real one is Google's and only ever shown to the person.
        getAuthorizationUrl: () =>
          missing.length > 0
            ? `https://script.google.com/macros/d/${env.scriptId}/authorize`
            : null,
        getAuthorizedScopes: () => env.realm.toRealm([] as string[]),
      };
    },
    newStateToken: () => stateTokenBuilder(env),
    newTrigger(functionName: string) {
      const handler = String(functionName);
      return {
        timeBased: () => clockBuilder(env, handler),
      };
    },
    getProjectTriggers() {
      requireAuthorization(env, 'ScriptApp.getProjectTriggers', true);
      return listTriggers(undefined);
    },
    getUserTriggers(sheet: unknown) {
      requireAuthorization(env, 'ScriptApp.getUserTriggers', true);
      return listTriggers(spreadsheetIdOf(sheet));
    },
    deleteTrigger(trigger: { getUniqueId(): string }) {
      requireAuthorization(env, 'ScriptApp.deleteTrigger', true);
      env.rpc('script', 'deleteTrigger', [trigger.getUniqueId()]);
    },
  };
}
