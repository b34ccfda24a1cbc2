/**
 * The part of the `@azure/functions-core` API that `@azure/functions` 4.x uses.
 *
 * That module is built into the Azure Functions Node.js worker and is not published on npm, so
 * there are no typings to install: these mirror the worker's `types-core/index.d.ts`, reduced to
 * what the local host implements and reads.
 */

/** Log levels the library passes to `log` and to a core invocation context. */
export type RpcLogLevel = 'trace' | 'debug' | 'information' | 'warning' | 'error' | 'critical' | 'none';

/** `user` for `context.log` calls, `system` for the library's own messages. */
export type RpcLogCategory = 'user' | 'system' | 'customMetric';

/** One binding as the library describes it at registration (trigger, input or output). */
export interface RpcBindingInfo {
  type?: string | null;
  direction?: 'in' | 'out' | 'inout' | null;
  [property: string]: unknown;
}

/** What `app.http`/`app.timer` hand to `registerFunction`. */
export interface FunctionMetadata {
  name: string;
  bindings: Record<string, RpcBindingInfo>;
  retryOptions?: unknown;
}

/** The user handler exactly as registered (the library passes `options.handler` through unchanged). */
export type FunctionCallback = (...args: unknown[]) => unknown;

/** Nullable wrapper the RPC protocol uses for optional scalars. */
export interface RpcNullable<T> {
  value?: T | null;
}

/** An HTTP cookie as the library serialises it from a `Cookie`. */
export interface RpcHttpCookie {
  name?: string | null;
  value?: string | null;
  domain?: RpcNullable<string> | null;
  path?: RpcNullable<string> | null;
  expires?: RpcNullable<{ seconds?: number | null; nanos?: number | null }> | null;
  secure?: RpcNullable<boolean> | null;
  httpOnly?: RpcNullable<boolean> | null;
  sameSite?: 'none' | 'lax' | 'strict' | 'explicitNone' | null;
  maxAge?: RpcNullable<number> | null;
}

/** An HTTP request (host → worker) or response (worker → host) in RPC form. */
export interface RpcHttpData {
  method?: string | null;
  url?: string | null;
  headers?: Record<string, string> | null;
  body?: RpcTypedData | null;
  params?: Record<string, string> | null;
  statusCode?: string | null;
  query?: Record<string, string> | null;
  cookies?: RpcHttpCookie[] | null;
  enableContentNegotiation?: boolean | null;
}

/** A binding value in RPC form; exactly one member is set. */
export interface RpcTypedData {
  string?: string | null;
  json?: string | null;
  bytes?: Uint8Array | null;
  http?: RpcHttpData | null;
  int?: number | null;
  double?: number | null;
}

/** One named binding value. */
export interface RpcParameterBinding {
  name?: string | null;
  data?: RpcTypedData | null;
}

/** What the host sends to run one invocation. */
export interface RpcInvocationRequest {
  invocationId?: string | null;
  functionId?: string | null;
  inputData?: RpcParameterBinding[] | null;
  triggerMetadata?: Record<string, RpcTypedData> | null;
}

/** What the programming model hands back after an invocation. */
export interface RpcInvocationResponse {
  invocationId?: string | null;
  outputData?: RpcParameterBinding[] | null;
  returnValue?: RpcTypedData | null;
}

/** Where an invocation is, so the library can warn about logging after the function returned. */
export type InvocationState = 'preInvocationHooks' | 'postInvocationHooks' | 'invocation';

/** The worker's per-invocation context that the programming model builds its arguments from. */
export interface CoreInvocationContext {
  invocationId: string;
  request: RpcInvocationRequest;
  metadata: { name: string; bindings: Record<string, RpcBindingInfo> };
  state?: InvocationState;
  log(level: RpcLogLevel, category: RpcLogCategory, message: string): void;
}

/** Converts between RPC data and the library's objects (`HttpRequest`, `InvocationContext`, …). */
export interface InvocationModel {
  getArguments(): Promise<{ context: unknown; inputs: unknown[] }>;
  invokeFunction(context: unknown, inputs: unknown[], callback: FunctionCallback): Promise<unknown>;
  getResponse(context: unknown, result: unknown): Promise<RpcInvocationResponse>;
}

/** What `@azure/functions` registers through `setProgrammingModel` on its first `app.*` call. */
export interface ProgrammingModel {
  name: string;
  version: string;
  getInvocationModel(coreContext: CoreInvocationContext): InvocationModel;
  getCapabilities?(workerCapabilities: Record<string, string>): Promise<Record<string, string>>;
}

/** Names of the lifecycle hooks the worker runs. */
export type HookName = 'appStart' | 'appTerminate' | 'preInvocation' | 'postInvocation';

/** A lifecycle hook as the library registers it; the context shape depends on the hook. */
export type HookCallback = (context: Record<string, unknown>) => unknown;

/** Anything with `dispose()`, as returned by `registerFunction` and `registerHook`. */
export interface DisposableLike {
  dispose(): unknown;
}
