// Host side of one execution: starts its worker, answers its synchronous RPC calls (handlers may be
// async), collects its logs, and stops it when asked (killWhen) or when it runs out of time.
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { ExecutionContext, HostService } from './rpc-types';
import { SIGNAL_KILLED, type DoneResult, type HostReply, type WorkerMessage } from './rpc-worker';
import type { WorkerRequest } from './worker-request';

export interface ExecutionOutcome {
  result: DoneResult;
  logs: string[];
}

export interface ExecutionHooks {
  services: Record<string, HostService>;
  clockOffset(): number;
  maxExecutionMs: number;
  killWhen?: (call: { service: string; method: string; index: number }) => boolean;
  onCall(service: string): void;
}

export interface RunningExecution {
  done: Promise<ExecutionOutcome>;
  /** Stops the execution where it is (the runtime is closing). */
  kill(message: string): void;
}

export function runInWorker(
  workerFile: string,
  request: WorkerRequest,
  ctx: ExecutionContext,
  hooks: ExecutionHooks,
): RunningExecution {
  const { port1, port2 } = new MessageChannel();
  const signalBuffer = new SharedArrayBuffer(4);
  const signal = new Int32Array(signalBuffer);
  const logs: string[] = [];
  const worker = new Worker(workerFile, {
    workerData: { port: port2, signal: signalBuffer, request },
    transferList: [port2],
    stdout: false,
    stderr: false,
  });

  let killNow: (message: string) => void = () => undefined;
  const done = new Promise<ExecutionOutcome>((resolve) => {
    let finished = false;
    let index = 0;
    const finish = (result: DoneResult): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      port1.close();
      void worker.terminate();
      resolve({ result, logs });
    };
    const kill = (message: string): void => {
      Atomics.store(signal, 0, SIGNAL_KILLED);
      Atomics.notify(signal, 0);
      finish({ ok: false, error: { message } });
    };
    killNow = kill;
    // Apps Script stops an execution after 6 minutes with this message (platform-facts: limits).
    const timer = setTimeout(() => kill('Exceeded maximum execution time'), hooks.maxExecutionMs);

    // The reply goes on the port before its number goes in the slot: the worker reads the port
    // only once it sees the number (rpc-worker.ts explains why it waits for the number, not for a
    // wake-up).
    const answer = (reply: HostReply): void => {
      if (finished) return;
      try {
        port1.postMessage(reply);
      } catch (e) {
        port1.postMessage({
          seq: reply.seq,
          error: `Runtime: reply not transferable: ${(e as Error).message}`,
          clockOffset: reply.clockOffset,
        } satisfies HostReply);
      }
      Atomics.store(signal, 0, reply.seq);
      Atomics.notify(signal, 0);
    };

    const onMessage = (msg: WorkerMessage): void => {
      if (finished) return;
      if (msg.type === 'log') {
        logs.push(msg.text);
      } else if (msg.type === 'done') {
        finish(msg.result);
      } else if (msg.type === 'call') {
        const call = { service: msg.service, method: msg.method, index: index++ };
        if (hooks.killWhen?.(call)) {
          kill(`Execution killed before ${msg.service}.${msg.method}`);
          return;
        }
        hooks.onCall(msg.service);
        const { seq } = msg;
        const handler = hooks.services[msg.service]?.[msg.method] as
          ((c: ExecutionContext, ...a: unknown[]) => unknown) | undefined;
        if (!handler) {
          answer({
            seq,
            error: `Runtime: unknown service method ${msg.service}.${msg.method}`,
            clockOffset: hooks.clockOffset(),
          });
          return;
        }
        Promise.resolve()
          .then(() => handler(ctx, ...msg.args))
          .then(
            (value) => answer({ seq, value, clockOffset: hooks.clockOffset() }),
            (e: unknown) =>
              answer({
                seq,
                error: e instanceof Error ? e.message : String(e),
                clockOffset: hooks.clockOffset(),
              }),
          );
      }
    };
    port1.on('message', onMessage);
    worker.on('error', (e) => finish({ ok: false, error: { message: e.message, stack: e.stack } }));
    worker.on('exit', (code) => {
      // Whatever the worker posted before it ended (its logs, its 'done') is queued on the port
      // already, maybe not yet delivered as events: take it now.
      for (let m = receiveMessageOnPort(port1); m && !finished; m = receiveMessageOnPort(port1)) {
        onMessage(m.message as WorkerMessage);
      }
      finish({ ok: false, error: { message: `Runtime: execution worker exited (code ${code})` } });
    });
  });
  return { done, kill: (message) => killNow(message) };
}
