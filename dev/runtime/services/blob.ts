// Apps Script's Blob (Utilities.newBlob, HTTPResponse.getBlob): bytes plus content type and name.
import { decodeBytes, toBuffer, toSignedBytes } from './bytes';
import type { Realm } from './env';

export class Blob {
  private bytes: Buffer;
  constructor(
    private readonly realm: Realm,
    data: unknown,
    private contentType: string | null = null,
    private name: string | null = null,
  ) {
    this.bytes = toBuffer(data ?? '');
  }
  getBytes(): number[] {
    return this.realm.toRealm(toSignedBytes(this.bytes));
  }
  setBytes(data: number[]): Blob {
    this.bytes = toBuffer(data);
    return this;
  }
  getDataAsString(charset?: string): string {
    return decodeBytes(this.bytes, charset);
  }
  setDataFromString(value: string, charset?: string): Blob {
    this.bytes = toBuffer(value, charset);
    return this;
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(contentType: string | null): Blob {
    this.contentType = contentType;
    return this;
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): Blob {
    this.name = name;
    return this;
  }
  isGoogleType(): boolean {
    return false;
  }
  copyBlob(): Blob {
    return new Blob(this.realm, this.bytes, this.contentType, this.name);
  }
  getBlob(): Blob {
    return this;
  }
  getAs(contentType: string): Blob {
    return new Blob(this.realm, this.bytes, contentType, this.name);
  }
  /** Raw bytes for other facades (UrlFetchApp payloads). */
  rawBytes(): Buffer {
    return this.bytes;
  }
}
