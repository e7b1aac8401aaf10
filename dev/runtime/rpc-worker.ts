// Worker side of the synchronous RPC: post a numbered call on the MessagePort, block on
// Atomics.wait until the host has published that number, then read the answer with
// receiveMessageOnPort.
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

/**
 * The signal slot (Int32Array index 0) is written by the host only: the number of the last call
 * it has answered (0 before the first), or SIGNAL_KILLED once it has stopped the execution.
 */
export const SIGNAL_KILLED = -1;

export type HostReply =
  | { seq: number; value: unknown; clockOffset: number }
  | { seq: number; error: string; clockOffset: number };

export type WorkerMessage =
  | { type: 'call'; seq: number; service: string; method: string; args: unknown[] }
  | { type: 'log'; text: string }
  | { type: 'done'; result: DoneResult };

export type DoneResult =
  { ok: true; value: unknown } | { ok: false; error: { message: string; stack?: string } };

export interface WorkerChannel {
  call(service: string, method: string, args: unknown[]): unknown;
  log(text: string): void;
  done(result: DoneResult): void;
}

/**
 * Blocks until the host has answered call `seq` (or has killed the execution).
 *
 * A return from Atomics.wait is not an answer: a notify is not tied to a value, and the host's
 * notify for call N can arrive while this thread already waits for call N+1. That happens when the
 * host thread is descheduled between its Atomics.store and its Atomics.notify: this thread sees the
 * stored answer without sleeping, reads reply N, runs on, posts call N+1 and sleeps; then the late
 * notify wakes it although nothing answers N+1 yet. The old protocol (the worker reset the slot to
 * IDLE, any wake-up meant "answered") then read an empty port and threw "no reply" as soon as the
 * host took more than a few milliseconds over N+1 (a UrlFetch, say). So the slot carries the
 * call's number, and the wait loops until it holds exactly that number. No wall-clock limit here:
 * a host that never answers is stopped by its own execution time limit, which sets KILLED.
 */
function waitForAnswer(signal: Int32Array, seq: number): void {
  for (;;) {
    const current = Atomics.load(signal, 0);
    if (current === SIGNAL_KILLED) {
      // The host stopped this execution (killWhen or the time limit): end the thread here, so no
      // script code runs after the point where Apps Script would have stopped it.
      process.exit(1);
    }
    if (current === seq) return;
    Atomics.wait(signal, 0, current);
  }
}

export function createWorkerChannel(
  port: MessagePort,
  signal: Int32Array,
  hooks: { makeError(message: string): Error; onClockOffset(offset: number): void },
): WorkerChannel {
  let lastSeq = 0;
  return {
    call(service, method, args) {
      const seq = ++lastSeq;
      port.postMessage({ type: 'call', seq, service, method, args } satisfies WorkerMessage);
      waitForAnswer(signal, seq);
      // postMessage queues the reply on this port synchronously, and the host posts it before it
      // publishes `seq`: once the number is seen, the reply is there. Anything else is a defect of
      // the runtime, reported as such rather than as a failure of the script.
      const received = receiveMessageOnPort(port);
      const reply = received?.message as HostReply | undefined;
      if (!reply || reply.seq !== seq) {
        const found = reply ? `the reply to call ${reply.seq}` : 'no reply';
        throw new Error(
          `Runtime: the host answered ${service}.${method} (call ${seq}) but the port held ` +
            `${found}; this is a defect of the local runtime, not of the script`,
        );
      }
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
