// HtmlService's HtmlOutput: the page a sidebar, dialog or /usercallback shows.
import { escapeHtml } from './html-escape';

export const SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;
export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;

export class HtmlOutput {
  private title = '';
  private width: number | null = null;
  private height: number | null = null;
  private sandboxMode: string = SandboxMode.IFRAME;
  private xFrameOptionsMode: string = XFrameOptionsMode.DEFAULT;
  private faviconUrl: string | null = null;
  private readonly metaTags: Array<{ name: string; content: string }> = [];

  constructor(private content = '') {}

  getContent(): string {
    return this.content;
  }
  setContent(content: string): HtmlOutput {
    this.content = String(content);
    return this;
  }
  append(addedContent: string): HtmlOutput {
    this.content += String(addedContent);
    return this;
  }
  appendUntrusted(addedContent: string): HtmlOutput {
    this.content += escapeHtml(String(addedContent));
    return this;
  }
  clear(): HtmlOutput {
    this.content = '';
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): HtmlOutput {
    this.title = String(title);
    return this;
  }
  getWidth(): number | null {
    return this.width;
  }
  setWidth(width: number): HtmlOutput {
    this.width = Number(width);
    return this;
  }
  getHeight(): number | null {
    return this.height;
  }
  setHeight(height: number): HtmlOutput {
    this.height = Number(height);
    return this;
  }
  addMetaTag(name: string, content: string): HtmlOutput {
    this.metaTags.push({ name: String(name), content: String(content) });
    return this;
  }
  getMetaTags(): Array<{ getName(): string; getContent(): string }> {
    return this.metaTags.map((t) => ({ getName: () => t.name, getContent: () => t.content }));
  }
  setFaviconUrl(url: string): HtmlOutput {
    this.faviconUrl = String(url);
    return this;
  }
  getFaviconUrl(): string | null {
    return this.faviconUrl;
  }
  // Apps Script ignores the sandbox mode now: every page runs in IFRAME mode.
  setSandboxMode(mode: string): HtmlOutput {
    this.sandboxMode = mode === SandboxMode.IFRAME ? mode : SandboxMode.IFRAME;
    return this;
  }
  getSandboxMode(): string {
    return this.sandboxMode;
  }
  setXFrameOptionsMode(mode: string): HtmlOutput {
    this.xFrameOptionsMode = String(mode);
    return this;
  }
  getXFrameOptionsMode(): string {
    return this.xFrameOptionsMode;
  }
  getBlob(): { getDataAsString(): string; getContentType(): string } {
    const content = this.content;
    return { getDataAsString: () => content, getContentType: () => 'text/html' };
  }
}
