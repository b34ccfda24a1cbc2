import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';

const repoRoot = join(__dirname, '..', '..');

// Jest loads every module through its own registry, so the Module._load hook cannot be observed
// from inside a test. This runs the host in a plain Node process instead, the way `npm start`
// does: local/ transpiled as is, @azure/functions from node_modules, a real HTTP call.
describe('installFunctionsCoreShim in a plain Node process', () => {
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'vm-local-host-'));
    for (const file of readdirSync(join(repoRoot, 'local')).filter((name) => name.endsWith('.ts'))) {
      const { outputText } = ts.transpileModule(readFileSync(join(repoRoot, 'local', file), 'utf8'), {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      });
      writeFileSync(join(folder, file.replace(/\.ts$/, '.js')), outputText);
    }
    writeFileSync(
      join(folder, 'main.js'),
      `
      require('./installFunctionsCoreShim').installFunctionsCoreShim();
      const { startLocalHost } = require('./localHost');
      (async () => {
        const host = await startLocalHost({
          port: 0,
          startTimers: false,
          loadFunctions: () => {
            const { app } = require('@azure/functions');
            app.http('ping', { route: 'ping/{who}', methods: ['GET'], handler: (request, context) => ({ jsonBody: { who: request.params.who, fn: context.functionName } }) });
          },
        });
        const response = await fetch(host.url + '/api/ping/jan');
        console.log(JSON.stringify({ functions: host.functions, status: response.status, body: await response.json() }));
        await host.close();
      })();
      `,
    );
  });

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('when the shim is installed before @azure/functions registers, then app.http is served', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(folder, 'main.js')], {
      env: { ...process.env, NODE_PATH: join(repoRoot, 'node_modules') },
      timeout: 20_000,
    });

    const result = JSON.parse(stdout.trim().split('\n').pop() ?? '') as unknown;
    expect(result).toEqual({
      functions: [{ name: 'ping', kind: 'http', route: 'ping/{who}', methods: ['GET'] }],
      status: 200,
      body: { who: 'jan', fn: 'ping' },
    });
  });
});
