import { InvocationContext, type HttpRequest } from '@azure/functions';
import { messages } from '../../functions/messages';
import { startBotHarness, type BotHarness } from '../fakes/botHarness';
import { personalMessage, type TeamsUser } from '../fixtures/teamsActivities';

const LIMIT = 256 * 1024;
const anna: TeamsUser = { id: '29:1size', aadObjectId: '6b1d2c3e-0000-4000-8000-00000000512e', name: 'Anna Size', locale: 'nl-NL' };

/** A request body that never ends, counting what was pulled from it: buffering it whole would never finish. */
function endlessBody(): { stream: ReadableStream<Uint8Array>; pulled: () => number; cancelled: () => boolean } {
  let pulled = 0;
  let cancelled = false;
  const chunk = new Uint8Array(16 * 1024).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, pulled: () => pulled, cancelled: () => cancelled };
}

/** The parts of an HttpRequest the endpoint reads; `text()`/`json()` would buffer the whole body, so they fail the test. */
function requestWith(headers: Record<string, string>, body: ReadableStream<Uint8Array> | null): HttpRequest {
  const buffered = () => {
    throw new Error('the whole body was read into memory');
  };
  return { method: 'POST', url: 'http://127.0.0.1/api/messages', headers: new Headers(headers), body, text: buffered, json: buffered, arrayBuffer: buffered } as unknown as HttpRequest;
}

describe('POST /api/messages: request size is checked before the body is read (issue 10, section 1)', () => {
  it('when Content-Length is over the limit, then 413 without reading the body at all', async () => {
    const body = endlessBody();
    const response = await messages(requestWith({ 'content-type': 'application/json', 'content-length': String(1024 * 1024 * 1024) }, body.stream), new InvocationContext());
    expect(response.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(16 * 1024);
  });

  it('when a chunked body (no Content-Length) never ends, then 413 once the count passes the limit, and the stream is cancelled', async () => {
    const body = endlessBody();
    const response = await messages(requestWith({ 'content-type': 'application/json' }, body.stream), new InvocationContext());
    expect(response.status).toBe(413);
    expect(body.cancelled()).toBe(true);
    expect(body.pulled()).toBeLessThanOrEqual(LIMIT + 2 * 16 * 1024);
  });

  it('when Content-Length is not a number, then 413 (the size cannot be trusted)', async () => {
    const response = await messages(requestWith({ 'content-length': 'lots' }, endlessBody().stream), new InvocationContext());
    expect(response.status).toBe(413);
  });

  describe('through the host', () => {
    let bot: BotHarness;
    beforeAll(async () => {
      bot = await startBotHarness();
    });
    afterAll(() => bot.stop({ removeData: true }));

    it('when an activity is padded past 256 KiB, then 413 and nothing is answered; an ordinary activity still goes through', async () => {
      const padded = { ...personalMessage(anna, bot.connector.serviceUrl, 'hallo'), padding: 'x'.repeat(LIMIT) };
      const refused = await bot.sendRaw(JSON.stringify(padded));
      expect(refused.status).toBe(413);
      expect(bot.connector.sent).toEqual([]);

      expect((await bot.send(personalMessage(anna, bot.connector.serviceUrl, 'hallo'))).status).toBe(200);
    });
  });
});
