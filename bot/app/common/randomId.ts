/** A random 128-bit id, URL-safe. */
export function randomId(deps: { randomBytes(size: number): Uint8Array }): string {
  return Buffer.from(deps.randomBytes(16)).toString('base64url');
}
