import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BotConnectorService } from '../local/botConnector/botConnectorService';

/** A Bot Connector on loopback that accepts everything (the local chat page's answers) and counts calls. */
export class LoopbackConnector {
  readonly service = new BotConnectorService();
  calls = 0;
  private server?: Server;

  get serviceUrl(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      this.calls += 1;
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const { status, body, headers } = this.service.handle({ method: request.method ?? 'GET', url: request.url ?? '/', body: text ? JSON.parse(text) : undefined }, this.serviceUrl);
        response.writeHead(status, { 'content-type': 'application/json', ...headers });
        response.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
