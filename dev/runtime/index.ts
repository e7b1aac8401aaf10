// Public entry of the local Apps Script runtime (see README.md): the Runtime class and its types.
export { Runtime, DEFAULT_SCRIPT_ID, DEFAULT_USER } from './runtime';
export type {
  RuntimeOptions,
  RunOptions,
  ExecutionResult,
  TriggerInfo,
  Store,
  FetchLogEntry,
} from './runtime';
export type { InstallationSource } from './rpc-types';
export { SpreadsheetHost } from './services/spreadsheet/host';
