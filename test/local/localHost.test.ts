// The health function's dependency, so these tests do not build the whole application.
jest.mock('../../bot/composition', () => ({ getApplication: jest.fn() }));

import { app, HttpRequest, HttpResponse, InvocationContext, type HttpHandler, type Timer } from '@azure/functions';
import { getApplication } from '../../bot/composition';
import { maxRequestBodyBytes, startLocalHost, type LocalHost } from '../../local/localHost';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const healthyApplication = { mode: 'local', storageKind: 'embedded' } as Awaited<ReturnType<typeof getApplication>>;

interface TimerCall {
  timer: Timer;
  context: InvocationContext;
}

describe('local Functions host', () => {
  let host: LocalHost;
  const timerCalls: TimerCall[] = [];
  let consoleError: jest.SpyInstance;

  beforeAll(async () => {
    process.env.VM_TEST_REPORT_SCHEDULE = '0 30 6 * * 1-5';
    host = await startLocalHost({
      port: 0,
      startTimers: false,
      loadFunctions: () => {
        require('../../functions/health');
        app.http('echo', {
          route: 'echo',
          methods: ['POST'],
          handler: async (request, context) => ({
            jsonBody: {
              body: await request.json(),
              contentType: request.headers.get('content-type'),
              isHttpRequest: request instanceof HttpRequest,
              isInvocationContext: context instanceof InvocationContext,
              functionName: context.functionName,
            },
          }),
        });
        app.http('getCase', {
          route: 'cases/{id}',
          methods: ['GET'],
          handler: (request) => ({ jsonBody: { id: request.params.id, view: request.query.get('view') } }),
        });
        app.http('fails', {
          route: 'fails',
          methods: ['POST'],
          handler: () => {
            throw new TypeError('secret report text must not leak');
          },
        });
        app.http('created', {
          route: 'created',
          methods: ['GET'],
          handler: () =>
            new HttpResponse({ status: 201, body: 'made', headers: { 'x-kind': 'test' }, cookies: [{ name: 'c', value: 'v', httpOnly: true }] }),
        });
        // A handler may return nothing at run time, whatever its declared type.
        app.http('quiet', { route: 'quiet', methods: ['DELETE'], handler: (() => undefined) as unknown as HttpHandler });
        app.timer('dailyReport', {
          schedule: '%VM_TEST_REPORT_SCHEDULE%',
          handler: (timer, context) => {
            timerCalls.push({ timer, context });
          },
        });
      },
    });
  });

  afterAll(async () => {
    await host?.close();
    delete process.env.VM_TEST_REPORT_SCHEDULE;
  });

  beforeEach(() => {
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    jest.spyOn(console, 'info').mockImplementation(() => undefined);
    jest.mocked(getApplication).mockResolvedValue(healthyApplication);
  });

  afterEach(() => jest.restoreAllMocks());

  it('when started on port 0, then it listens on loopback and lists the registered functions', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}`);
    expect(host.port).toBeGreaterThan(0);
    expect(host.functions).toEqual(
      expect.arrayContaining([
        { name: 'health', kind: 'http', route: 'health', methods: ['GET'] },
        { name: 'getCase', kind: 'http', route: 'cases/{id}', methods: ['GET'] },
      ]),
    );
  });

  it('when GET /api/health, then 200 with status, mode and storage as JSON', async () => {
    const response = await fetch(`${host.url}/api/health`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ status: 'ok', mode: 'local', storage: 'embedded' });
  });

  it('when the application cannot be built, then health answers 503 with a reason code and logs only the error name', async () => {
    jest.mocked(getApplication).mockRejectedValue(new RangeError('AccountKey=secret'));

    const response = await fetch(`${host.url}/api/health`);

    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', reason: 'configuration' });
    const logged = consoleError.mock.calls.flat().join('\n');
    expect(logged).toContain('RangeError');
    expect(logged).not.toContain('secret');
  });

  it('when the route is unknown, then 404', async () => {
    const response = await fetch(`${host.url}/api/nothing-here`);

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'not_found' });
  });

  it('when the path is outside /api, then 404', async () => {
    expect((await fetch(`${host.url}/health`)).status).toBe(404);
  });

  it('when the method is not registered for the route, then 405 with Allow', async () => {
    const response = await fetch(`${host.url}/api/health`, { method: 'POST', body: '{}' });

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });

  it('when a JSON body is posted, then the handler gets a real HttpRequest and InvocationContext', async () => {
    const response = await fetch(`${host.url}/api/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'hallo' }),
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      body: { text: 'hallo' },
      contentType: 'application/json',
      isHttpRequest: true,
      isInvocationContext: true,
      functionName: 'echo',
    });
  });

  it('when the body is larger than 1 MB, then 413 and the handler does not run', async () => {
    const response = await fetch(`${host.url}/api/echo`, { method: 'POST', body: Buffer.alloc(maxRequestBodyBytes + 1, 0x61) });

    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: 'payload_too_large' });
  });

  it('when a chunked body without Content-Length grows past 1 MB, then 413', async () => {
    const chunk = new Uint8Array(256 * 1024).fill(0x61);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > maxRequestBodyBytes) controller.close();
        else {
          sent += chunk.length;
          controller.enqueue(chunk);
        }
      },
    });

    const response = await fetch(`${host.url}/api/echo`, { method: 'POST', body, duplex: 'half' } as RequestInit);

    expect(response.status).toBe(413);
  });

  it('when a handler throws, then 500 with a correlation id and nothing of the error in the body or log', async () => {
    const response = await fetch(`${host.url}/api/fails`, { method: 'POST', body: 'confidential body' });

    expect(response.status).toBe(500);
    const text = await response.text();
    const body = JSON.parse(text) as { error: string; correlationId: string };
    expect(Object.keys(body).sort()).toEqual(['correlationId', 'error']);
    expect(body.error).toBe('internal');
    expect(body.correlationId).toMatch(uuidPattern);
    expect(text).not.toMatch(/secret|TypeError|at /);
    const logged = consoleError.mock.calls.flat().join('\n');
    expect(logged).toContain(body.correlationId);
    expect(logged).toContain('TypeError');
    expect(logged).not.toMatch(/secret|confidential/);
  });

  it('when the route has a {id} parameter, then the handler gets it decoded, with the query', async () => {
    const response = await fetch(`${host.url}/api/cases/VM-2026%2F0042?view=full`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: 'VM-2026/0042', view: 'full' });
  });

  it('when a handler returns an HttpResponse with cookies, then status, headers, cookie and body reach the client', async () => {
    const response = await fetch(`${host.url}/api/created`);

    expect(response.status).toBe(201);
    expect(response.headers.get('x-kind')).toBe('test');
    expect(response.headers.getSetCookie()).toEqual(['c=v; HttpOnly']);
    expect(await response.text()).toBe('made');
  });

  it('when a handler returns nothing, then 204 No Content, as in Azure', async () => {
    const response = await fetch(`${host.url}/api/quiet`, { method: 'DELETE' });

    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });

  it('when runTimer is called, then the timer handler runs with a Timer and a real InvocationContext', async () => {
    const before = timerCalls.length;

    await host.runTimer('dailyReport');

    expect(timerCalls).toHaveLength(before + 1);
    const { timer, context } = timerCalls[timerCalls.length - 1];
    expect(timer).toEqual({
      isPastDue: false,
      schedule: { adjustForDST: true },
      scheduleStatus: { last: expect.any(String), next: expect.any(String), lastUpdated: expect.any(String) },
    });
    expect(context).toBeInstanceOf(InvocationContext);
    expect(context.functionName).toBe('dailyReport');
  });

  it('when a timer schedule is %SETTING%, then it is resolved from the environment', () => {
    expect(host.functions).toContainEqual({ name: 'dailyReport', kind: 'timer', schedule: '0 30 6 * * 1-5' });
  });

  it('when runTimer names no timer, then it rejects naming the timers there are', async () => {
    await expect(host.runTimer('health')).rejects.toThrow('No timer function named "health" (timers: dailyReport)');
  });
});

describe('local Functions host start-up', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    jest.spyOn(console, 'info').mockImplementation(() => undefined);
  });

  afterEach(() => jest.restoreAllMocks());

  it('when a timer schedule names an unset setting, then start-up fails naming the function and setting', async () => {
    delete process.env.VM_TEST_UNSET_SCHEDULE;

    const starting = startLocalHost({
      port: 0,
      loadFunctions: () => app.timer('needsSetting', { schedule: '%VM_TEST_UNSET_SCHEDULE%', handler: () => undefined }),
    });

    await expect(starting).rejects.toThrow(/"needsSetting".*VM_TEST_UNSET_SCHEDULE/);
  });

  it('when loadFunctions throws halfway, then its registrations do not leak into the next start', async () => {
    const failing = startLocalHost({
      port: 0,
      loadFunctions: () => {
        app.http('leaked', { route: 'leaked', handler: () => ({}) });
        throw new Error('module failed to load');
      },
    });
    await expect(failing).rejects.toThrow('module failed to load');

    const host = await startLocalHost({ port: 0, loadFunctions: () => app.http('clean', { route: 'clean', handler: () => ({}) }) });
    await host.close();

    expect(host.functions.map((fn) => fn.name)).toEqual(['clean']);
  });

  it('when loadFunctions registers nothing, then start-up fails with a hint about the shim', async () => {
    await expect(startLocalHost({ port: 0, loadFunctions: () => undefined })).rejects.toThrow(/No functions were registered/);
  });

  it('when a postInvocation hook replaces the result, then the client gets the replaced result', async () => {
    const host = await startLocalHost({
      port: 0,
      loadFunctions: () => {
        app.http('hooked', { route: 'hooked', methods: ['GET'], handler: () => ({ jsonBody: { from: 'handler' } }) });
        app.hook.preInvocation((context) => {
          context.hookData.seen = context.invocationContext.functionName;
        });
        app.hook.postInvocation((context) => {
          context.result = { jsonBody: { from: 'hook', seen: context.hookData.seen } };
        });
      },
    });
    try {
      const response = await fetch(`${host.url}/api/hooked`);

      expect(await response.json()).toEqual({ from: 'hook', seen: 'hooked' });
    } finally {
      await host.close();
    }
  });
});

describe('local Functions host timers', () => {
  let warn: jest.SpyInstance;

  beforeEach(() => {
    // Only the clock and timers are faked: the server needs real nextTick/setImmediate.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'], now: new Date('2030-01-07T08:59:55Z') });
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    jest.spyOn(console, 'info').mockImplementation(() => undefined);
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('when a tick comes while the previous run is still going, then that tick is skipped', async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    const firstRunBlocked = new Promise<void>((resolve) => (release = resolve));
    const host = await startLocalHost({
      port: 0,
      loadFunctions: () =>
        app.timer('everyTenSeconds', {
          schedule: '*/10 * * * * *',
          handler: async () => {
            runs += 1;
            if (runs === 1) await firstRunBlocked;
          },
        }),
    });
    try {
      await jest.advanceTimersByTimeAsync(5_000);
      expect(runs).toBe(1);

      await jest.advanceTimersByTimeAsync(10_000);
      expect(runs).toBe(1);
      expect(warn.mock.calls.flat().join('\n')).toContain('skipped a tick');

      release();
      await jest.advanceTimersByTimeAsync(10_000);
      expect(runs).toBe(2);
    } finally {
      release();
      await host.close();
    }
  });

  it('when a scheduled run throws, then the error is logged and the schedule goes on', async () => {
    let runs = 0;
    const host = await startLocalHost({
      port: 0,
      loadFunctions: () =>
        app.timer('flaky', {
          schedule: '*/10 * * * * *',
          handler: () => {
            runs += 1;
            throw new Error('boom');
          },
        }),
    });
    try {
      await jest.advanceTimersByTimeAsync(25_000);

      expect(runs).toBe(3);
      const logged = jest.mocked(console.error).mock.calls.flat().join('\n');
      expect(logged).toMatch(/\[flaky\] timer run failed; correlationId [0-9a-f-]{36}; Error/);
      expect(logged).not.toContain('boom');
    } finally {
      await host.close();
    }
  });
});
