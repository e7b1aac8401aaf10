// A tiny OAuth token endpoint on 127.0.0.1 for the OAuth2 contract tests: records every request
// and answers from a script of responses, optionally holding one back until the test releases it.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TokenRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  form: Record<string, string>;
}

interface Scripted {
  status: number;
  body: string;
  /** When set, the response waits until this promise settles. */
  hold?: Promise<void>;
}

export class TokenServer {
  readonly requests: TokenRequest[] = [];
  private readonly scripted: Scripted[] = [];
  private readonly waiters: Array<{ count: number; resolve: () => void }> = [];
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const form = Object.fromEntries(
          new URLSearchParams(Buffer.concat(chunks).toString('utf8')),
        );
        this.requests.push({
          method: req.method ?? '',
          path: req.url ?? '',
          headers: req.headers,
          form,
        });
        this.notify();
        const next = this.scripted.shift() ?? { status: 500, body: '{"error":"unscripted"}' };
        const send = () => {
          res.writeHead(next.status, { 'Content-Type': 'application/json' });
          res.end(next.body);
        };
        if (next.hold) void next.hold.then(send, send);
        else send();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  respond(status: number, body: object | string, hold?: Promise<void>): this {
    this.scripted.push({
      status,
      body: typeof body === 'string' ? body : JSON.stringify(body),
      hold,
    });
    return this;
  }

  /** Resolves once at least `count` requests have arrived. */
  received(count: number): Promise<void> {
    if (this.requests.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  reset(): void {
    this.requests.length = 0;
    this.scripted.length = 0;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  private notify(): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      if (this.requests.length >= this.waiters[i].count) {
        this.waiters[i].resolve();
        this.waiters.splice(i, 1);
      }
    }
  }
}
