/** How each call signs in: `Bearer <Teams SSO token>`, or locally `Developer <object id>`. */
export type Authorizer = () => Promise<string>;

/** A refused or failed call, with the API's error code (never a message from the server). */
export class TabApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`tab API ${status} ${code}`);
  }
}

/**
 * Calls the tab API on this origin. Nothing is kept: no cache (`no-store`), no cookies, no
 * storage; the answer lives only in the component that asked for it.
 */
export async function callTabApi<T>(path: string, authorize: Authorizer, method: 'GET' | 'POST' = 'GET'): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { method, headers: { authorization: await authorize(), accept: 'application/json' }, cache: 'no-store', credentials: 'omit' });
  } catch {
    throw new TabApiError(0, 'network');
  }
  const body = (await response.json().catch(() => ({}))) as { error?: unknown };
  if (!response.ok) throw new TabApiError(response.status, typeof body.error === 'string' ? body.error : 'unknown');
  return body as T;
}
