import type {
  DisposableLike,
  FunctionCallback,
  FunctionMetadata,
  HookCallback,
  HookName,
  ProgrammingModel,
  RpcLogCategory,
  RpcLogLevel,
} from './functionsCoreTypes';

/** A function as `@azure/functions` registered it: its metadata and the user handler. */
export interface FunctionRegistration {
  metadata: FunctionMetadata;
  callback: FunctionCallback;
}

/** Lifecycle hooks by name, in registration order (the order the worker runs them in). */
export type HookRegistry = Record<HookName, HookCallback[]>;

/** What one host start takes over: everything registered since the previous start. */
export interface AppRegistrations {
  functions: FunctionRegistration[];
  hooks: HookRegistry;
}

const hookNames: readonly HookName[] = ['appStart', 'appTerminate', 'preInvocation', 'postInvocation'];

/** Mirrors the worker's `Disposable` class, which the library re-exports to its users. */
export class Disposable implements DisposableLike {
  #callOnDispose: (() => unknown) | undefined;

  /** Combines several disposables into one. */
  static from(...disposables: DisposableLike[]): Disposable {
    return new Disposable(() => {
      for (const disposable of disposables) disposable.dispose();
    });
  }

  constructor(callOnDispose: () => unknown) {
    this.#callOnDispose = callOnDispose;
  }

  /** Runs the dispose callback once; later calls do nothing. */
  dispose(): void {
    const callOnDispose = this.#callOnDispose;
    this.#callOnDispose = undefined;
    callOnDispose?.();
  }
}

function emptyRegistrations(): AppRegistrations {
  return {
    functions: [],
    hooks: { appStart: [], appTerminate: [], preInvocation: [], postInvocation: [] },
  };
}

// Registrations are queued until a host takes them, rather than kept in one process-wide table,
// so that each `startLocalHost` serves exactly what its own `loadFunctions` registered: tests can
// start hosts with different function sets in any order.
let pending = emptyRegistrations();
let programmingModel: ProgrammingModel | undefined;

function isHookName(name: string): name is HookName {
  return (hookNames as readonly string[]).includes(name);
}

function logSystem(level: RpcLogLevel, category: RpcLogCategory, message: string): void {
  if (level === 'trace' || level === 'debug' || level === 'none') return;
  const line = `[functions-core] ${category}: ${message}`;
  if (level === 'error' || level === 'critical') console.error(line);
  else if (level === 'warning') console.warn(line);
  else console.info(line);
}

/**
 * Stands in for the `@azure/functions-core` module that the Azure Functions worker provides at run
 * time. Its members are the ones `@azure/functions` 4.x calls: `setProgrammingModel` (on the first
 * `app.*` call), `registerFunction` (each `app.http`/`app.timer`), `registerHook` (`app.hook.*`) and
 * `log` (the library's system messages; its presence also tells `app.setup` that the "host" is
 * recent). `Disposable`, `version` and `hostVersion` complete the worker's public surface.
 */
export const functionsCoreShim = {
  version: 'local',
  hostVersion: 'local',
  Disposable,

  setProgrammingModel(model: ProgrammingModel): void {
    programmingModel = model;
  },

  getProgrammingModel(): ProgrammingModel | undefined {
    return programmingModel;
  },

  registerFunction(metadata: FunctionMetadata, callback: FunctionCallback): Disposable {
    const functions = pending.functions;
    if (functions.some((registered) => registered.metadata.name === metadata.name)) {
      // The Functions host refuses an app with two functions of one name; fail as early.
      throw new Error(`A function named "${metadata.name}" is already registered.`);
    }
    const registration = { metadata, callback };
    functions.push(registration);
    return new Disposable(() => removeItem(functions, registration));
  },

  registerHook(hookName: string, callback: HookCallback): Disposable {
    if (!isHookName(hookName)) {
      // Same error type as the worker, so `app.hook.log` reports "requires a newer host".
      throw Object.assign(new RangeError(`Unrecognized hook "${hookName}"`), { isAzureFunctionsSystemError: true });
    }
    const callbacks = pending.hooks[hookName];
    callbacks.push(callback);
    return new Disposable(() => removeItem(callbacks, callback));
  },

  log(level: RpcLogLevel, category: RpcLogCategory, message: string): void {
    logSystem(level, category, message);
  },
};

function removeItem<T>(items: T[], item: T): void {
  const index = items.indexOf(item);
  if (index >= 0) items.splice(index, 1);
}

/**
 * Hands over every function and hook registered since the previous call and starts a new, empty
 * set. The arrays handed over stay the ones a registration's `dispose()` removes from.
 */
export function takeRegistrations(): AppRegistrations {
  const taken = pending;
  pending = emptyRegistrations();
  return taken;
}
