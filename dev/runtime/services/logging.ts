// Logger and console: every line goes to the execution's log, which the host keeps.
import { format } from 'node:util';
import type { WorkerEnv } from './env';
import { formatString } from './format-string';

export function createLogger(env: WorkerEnv): object {
  const lines: string[] = [];
  const logger = {
    log(data: unknown, ...values: unknown[]) {
      const text =
        values.length > 0
          ? formatString(String(data), ...values)
          : typeof data === 'object' && data !== null
            ? JSON.stringify(data)
            : String(data);
      lines.push(text);
      env.log(text);
      return logger;
    },
    getLog: () => lines.join('\n'),
    clear: () => {
      lines.length = 0;
    },
  };
  return logger;
}

export function createConsole(env: WorkerEnv): object {
  const line =
    (level: string) =>
    (...args: unknown[]): void =>
      env.log(level ? `${level}: ${format(...args)}` : format(...args));
  return {
    log: line(''),
    info: line(''),
    warn: line('WARN'),
    error: line('ERROR'),
    debug: line(''),
  };
}
