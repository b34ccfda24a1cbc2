import type { FunctionRegistration, HookRegistry } from './functionsCoreShim';
import type {
  CoreInvocationContext,
  FunctionCallback,
  HookCallback,
  InvocationState,
  ProgrammingModel,
  RpcInvocationResponse,
  RpcLogLevel,
  RpcTypedData,
} from './functionsCoreTypes';

/** What one invocation needs besides the function and its trigger value. */
export interface InvocationEnvironment {
  /** The model `@azure/functions` registered; it converts RPC data to and from its own objects. */
  programmingModel: ProgrammingModel;
  hooks: HookRegistry;
  /** Shared by all hooks of one host, like the worker's `appHookData`. */
  appHookData: Record<string, unknown>;
  /**
   * Receives every log line of an invocation, the user's `context.log` and the library's own,
   * already prefixed with the function name and invocation id.
   */
  log(level: RpcLogLevel, line: string): void;
}

async function runHooks(callbacks: readonly HookCallback[], context: Record<string, unknown>): Promise<void> {
  for (const callback of [...callbacks]) await callback(context);
}

/**
 * Runs one invocation the way the Azure Functions worker does (its `InvocationHandler`), so the
 * handler gets the library's own objects built by the library's own conversions:
 *
 * 1. `programmingModel.getInvocationModel(coreContext)`: the library's `InvocationModel`;
 * 2. `getArguments()`: builds the real `InvocationContext` and the trigger input from RPC data
 *    (an `HttpRequest` from `{ http }`, a camel-cased `Timer` from `{ json }`);
 * 3. `preInvocation` hooks, which may replace the inputs or the handler;
 * 4. `invokeFunction(context, inputs, handler)`: calls the registered handler;
 * 5. `postInvocation` hooks, which may replace the result or the error;
 * 6. `getResponse(context, result)`: turns the handler's `HttpResponseInit`/`HttpResponse` into
 *    RPC form (status, headers, cookies, body bytes).
 *
 * A handler error is rethrown after the post-invocation hooks, as the worker does.
 */
export async function invokeFunction(
  registration: FunctionRegistration,
  triggerBindingName: string,
  triggerValue: RpcTypedData,
  invocationId: string,
  environment: InvocationEnvironment,
): Promise<RpcInvocationResponse> {
  const { metadata } = registration;
  const coreContext: CoreInvocationContext & { state?: InvocationState } = {
    invocationId,
    request: {
      invocationId,
      functionId: metadata.name,
      inputData: [{ name: triggerBindingName, data: triggerValue }],
      triggerMetadata: {},
    },
    metadata: { name: metadata.name, bindings: metadata.bindings },
    state: undefined,
    log: (level, category, message) =>
      environment.log(level, `[${metadata.name}] (${invocationId})${category === 'system' ? ' [system]' : ''} ${message}`),
  };

  const invocationModel = environment.programmingModel.getInvocationModel(coreContext);
  const { context, inputs } = await invocationModel.getArguments();
  const hookData: Record<string, unknown> = {};

  const preInvocation: Record<string, unknown> & { inputs: unknown[]; functionCallback: FunctionCallback } = {
    hookData,
    appHookData: environment.appHookData,
    invocationContext: context,
    inputs,
    functionCallback: registration.callback,
  };
  coreContext.state = 'preInvocationHooks';
  try {
    await runHooks(environment.hooks.preInvocation, preInvocation);
  } finally {
    coreContext.state = undefined;
  }

  const postInvocation: Record<string, unknown> & { result: unknown; error: unknown } = {
    hookData,
    appHookData: environment.appHookData,
    invocationContext: context,
    inputs: preInvocation.inputs,
    result: null,
    error: null,
  };
  coreContext.state = 'invocation';
  try {
    postInvocation.result = await invocationModel.invokeFunction(context, preInvocation.inputs, preInvocation.functionCallback);
  } catch (error) {
    postInvocation.error = error;
  } finally {
    coreContext.state = undefined;
  }

  coreContext.state = 'postInvocationHooks';
  try {
    await runHooks(environment.hooks.postInvocation, postInvocation);
  } finally {
    coreContext.state = undefined;
  }

  if (postInvocation.error !== null && postInvocation.error !== undefined) throw postInvocation.error;
  return invocationModel.getResponse(context, postInvocation.result);
}

/** Runs the `appStart` or `appTerminate` hooks of a host. */
export async function runAppHooks(
  callbacks: readonly HookCallback[],
  appHookData: Record<string, unknown>,
  functionAppDirectory: string,
): Promise<void> {
  await runHooks(callbacks, { hookData: {}, appHookData, functionAppDirectory });
}
