/** How each call signs in: `Bearer <Teams SSO token>`, or locally `Developer <object id>`. */
export type Authorizer = () => Promise<string>;

/** A refused or failed call, with the API's error code (never a message from the server). */
export class TabApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** For a refused form (400): each field's problem as a key under `validation.` (cards/locales). */
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(`tab API ${status} ${code}`);
  }
}

/**
 * Calls the tab API on this origin. Nothing is kept: no cache (`no-store`), no cookies, no
 * storage; the answer lives only in the component that asked for it.
 */
export async function callTabApi<T>(path: string, authorize: Authorizer, method: 'GET' | 'POST' = 'GET', body?: unknown): Promise<T> {
  let response: Response;
  const headers: Record<string, string> = { authorization: await authorize(), accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store', credentials: 'omit' });
  } catch {
    throw new TabApiError(0, 'network');
  }
  const answer = (await response.json().catch(() => ({}))) as { error?: unknown; fields?: unknown };
  if (!response.ok) throw new TabApiError(response.status, typeof answer.error === 'string' ? answer.error : 'unknown', fieldsOf(answer.fields));
  return answer as T;
}

function fieldsOf(fields: unknown): Record<string, string> {
  if (typeof fields !== 'object' || fields === null) return {};
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/**
 * Downloads a file of the tab API (the insights' CSV: counts only) through a link to it in memory:
 * the call needs the sign-in header, so a plain link cannot. Nothing is kept but the saved file.
 */
export async function downloadTabFile(path: string, authorize: Authorizer, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { authorization: await authorize() }, cache: 'no-store', credentials: 'omit' });
  } catch {
    throw new TabApiError(0, 'network');
  }
  if (!response.ok) {
    const answer = (await response.json().catch(() => ({}))) as { error?: unknown };
    throw new TabApiError(response.status, typeof answer.error === 'string' ? answer.error : 'unknown');
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}
