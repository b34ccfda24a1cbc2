import Module from 'node:module';
import { functionsCoreShim } from './functionsCoreShim';

/** The module name `@azure/functions` requires to reach the Functions worker. */
export const functionsCoreModuleName = '@azure/functions-core';

type ModuleLoad = (request: string, parent: unknown, isMain: boolean) => unknown;

let installed = false;

/**
 * Makes `require('@azure/functions-core')` return {@link functionsCoreShim}, the way the real worker
 * does, by wrapping Node's internal `Module._load` for that one name.
 *
 * Call it before the first `app.http`/`app.timer` call: the library looks the module up once, on
 * its first registration, and if it is missing stays in "test mode" for the life of the process
 * (registering nothing). Installing twice is harmless.
 *
 * Jest loads modules through its own registry, not `Module._load`: in a test, provide the module
 * with `jest.mock('@azure/functions-core', () => …functionsCoreShim, { virtual: true })` instead.
 */
export function installFunctionsCoreShim(): void {
  if (installed) return;
  const loader = Module as unknown as { _load: ModuleLoad };
  const originalLoad = loader._load;
  loader._load = function loadWithFunctionsCore(this: unknown, request, parent, isMain) {
    if (request === functionsCoreModuleName) return functionsCoreShim;
    return originalLoad.call(this, request, parent, isMain);
  };
  installed = true;
}
