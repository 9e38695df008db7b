/**
 * The language server as the rest of the client sees it: requests that wait until it runs. The language
 * client library (the bulk of the client bundle) is loaded just after activation, not during it.
 */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export class LanguageServer {
  private client: LanguageClient | undefined;
  private starting: Promise<void>;
  /** Notifications from the server the rest of the client listens to (registered again on a restart). */
  private readonly listeners: { method: string; handler: () => void }[] = [];

  constructor(private readonly context: vscode.ExtensionContext, private readonly output: vscode.LogOutputChannel) {
    this.starting = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.start());
    this.starting.catch(() => undefined); // reported in start(); requests see the rejection
  }

  /** Resolves when the server has started (rejects when it could not). */
  ready(): Promise<void> {
    return this.starting;
  }

  async request<R>(method: string, params: unknown, token?: vscode.CancellationToken): Promise<R> {
    await this.starting;
    const client = this.client;
    if (client === undefined) throw new Error('The GovReport language server has stopped.');
    return client.sendRequest<R>(method, params, token);
  }

  /** Calls `handler` whenever the server sends the notification `method` (no params). */
  onNotification(method: string, handler: () => void): void {
    this.listeners.push({ method, handler });
    if (this.client?.isRunning()) this.client.onNotification(method, handler);
  }

  async restart(): Promise<void> {
    await this.starting.catch(() => undefined);
    if (this.client === undefined) {
      this.starting = this.start();
    } else {
      const client = this.client;
      this.starting = client.restart();
    }
    return this.starting;
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client?.isRunning()) await client.stop();
  }

  private async start(): Promise<void> {
    const t0 = performance.now();
    try {
      const { createClient } = await import('./client.js');
      const loaded = performance.now();
      const client = (this.client ??= createClient(this.context, this.output));
      await client.start();
      for (const l of this.listeners) client.onNotification(l.method, l.handler);
      this.output.info(`Language client loaded in ${ms(loaded - t0)} ms; language server running after ${ms(performance.now() - t0)} ms`);
    } catch (err) {
      this.output.error(`The language server did not start: ${err instanceof Error ? err.message : String(err)}`);
      throw err;
    }
  }
}

export function ms(value: number): number {
  return Math.round(value * 10) / 10;
}
