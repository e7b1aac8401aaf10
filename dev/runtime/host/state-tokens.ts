// ScriptApp state tokens: AES-256-GCM sealed with a key only the host holds, so the script (and the
// browser carrying the token) can neither read nor forge one; expiry on the shared clock.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// ScriptApp.newStateToken: 60 s by default, 3600 s at most (platform-facts, Apps Script).
export const DEFAULT_TIMEOUT_S = 60;
export const MAX_TIMEOUT_S = 3600;

export interface StateTokenContent {
  scriptId: string;
  method: string;
  args: Record<string, string>;
  expiresAt: number;
}

export class StateTokens {
  private readonly key = randomBytes(32);
  constructor(private readonly now: () => number) {}

  create(
    scriptId: string,
    method: string,
    args: Record<string, string>,
    timeoutS?: number,
  ): string {
    const t = timeoutS === undefined || timeoutS === null ? DEFAULT_TIMEOUT_S : Number(timeoutS);
    if (!(t > 0)) throw new Error('Invalid argument: seconds');
    const content: StateTokenContent = {
      scriptId,
      method,
      args,
      expiresAt: this.now() + Math.min(t, MAX_TIMEOUT_S) * 1000,
    };
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(JSON.stringify(content), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
  }

  /** The token's content, or null when it is forged, damaged or expired. */
  open(token: string): StateTokenContent | null {
    try {
      const raw = Buffer.from(token, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
      const content = JSON.parse(plain.toString('utf8')) as StateTokenContent;
      return content.expiresAt > this.now() ? content : null;
    } catch {
      return null;
    }
  }
}
