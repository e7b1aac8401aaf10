// Worker side of the synchronous RPC: post a call on the MessagePort, block on Atomics.wait until
// the host has answered, then read the answer with receiveMessageOnPort.
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

/** Signal slot values: the host sets ANSWERED after posting a reply, KILLED to stop the worker. */
export const SIGNAL_IDLE = 0;
export const SIGNAL_ANSWERED = 1;
export const SIGNAL_KILLED = 2;

export type HostReply =
  { value: unknown; clockOffset: number } | { error: string; clockOffset: number };

export type WorkerMessage =
  | { type: 'call'; service: string; method: string; args: unknown[] }
  | { type: 'log'; text: string }
  | { type: 'done'; result: DoneResult };

export type DoneResult =
  { ok: true; value: unknown } | { ok: false; error: { message: string; stack?: string } };

export interface WorkerChannel {
  call(service: string, method: string, args: unknown[]): unknown;
  log(text: string): void;
  done(result: DoneResult): void;
}

/** How long the worker keeps looking for a reply the host has already signalled. */
const REPLY_GRACE_MS = 5000;

/**
 * Reads the host's reply. The host posts it before it flips the signal, yet under heavy load
 * (tens of thousands of calls) the message can become visible on this side of the port a moment
 * after the wake-up; so look again, pausing 1 ms at a time, before calling it lost.
 */
function awaitReply(port: MessagePort, signal: Int32Array): { message: unknown } | undefined {
  let received = receiveMessageOnPort(port);
  for (let waited = 0; !received && waited < REPLY_GRACE_MS; waited++) {
    Atomics.wait(signal, 0, SIGNAL_ANSWERED, 1);
    if (Atomics.load(signal, 0) === SIGNAL_KILLED) process.exit(1);
    received = receiveMessageOnPort(port);
  }
  return received;
}

export function createWorkerChannel(
  port: MessagePort,
  signal: Int32Array,
  hooks: { makeError(message: string): Error; onClockOffset(offset: number): void },
): WorkerChannel {
  return {
    call(service, method, args) {
      Atomics.store(signal, 0, SIGNAL_IDLE);
      port.postMessage({ type: 'call', service, method, args } satisfies WorkerMessage);
      Atomics.wait(signal, 0, SIGNAL_IDLE);
      if (Atomics.load(signal, 0) === SIGNAL_KILLED) {
        // The host stopped this execution (killWhen or the time limit): end the thread here, so no
        // script code runs after the point where Apps Script would have stopped it.
        process.exit(1);
      }
      const received = awaitReply(port, signal);
      if (!received) throw new Error(`Runtime: no reply to ${service}.${method}`);
      const reply = received.message as HostReply;
      hooks.onClockOffset(reply.clockOffset);
      if ('error' in reply) throw hooks.makeError(reply.error);
      return reply.value;
    },
    log(text) {
      port.postMessage({ type: 'log', text } satisfies WorkerMessage);
    },
    done(result) {
      port.postMessage({ type: 'done', result } satisfies WorkerMessage);
    },
  };
}
