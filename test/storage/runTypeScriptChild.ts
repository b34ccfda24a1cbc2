/**
 * Starts a TypeScript file in a separate `node` process (no ts-node here): a small loader
 * registered with `-e` transpiles each `.ts` file as it is required.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

const LOADER = `
const fs = require('node:fs');
const ts = require('typescript');
require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: filename,
  });
  module._compile(outputText, filename);
};
const [script, ...args] = process.argv.slice(1);
process.argv = [process.argv[0], script, ...args];
require(script);
`;

/** Spawns `node` running `scriptPath` with `args`; its cwd is the repository root so `typescript` resolves. `env` replaces the environment. */
export function runTypeScriptChild(scriptPath: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['-e', LOADER, scriptPath, ...args], { cwd, stdio: 'pipe', ...(env ? { env } : {}) });
}
