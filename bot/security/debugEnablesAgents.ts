/** The prefix of every namespace the Agents SDK logs under (`agents:<component>:<level>`). */
const SDK_NAMESPACE_PREFIX = 'agents:';

/**
 * True when a `DEBUG` value (the `debug` package's namespace list) could switch on any of the
 * Agents SDK's loggers. Those write whole activities (report text included) at debug level and
 * refused activity bodies at warn level, so production must never enable them.
 *
 * Deliberately conservative: exclusions (`-agents:*`) are not credited, and a pattern counts when
 * it can match some `agents:…` name (`*`, `a*`, `agents:*`, `agents:jwt-middleware:error`, …).
 */
export function debugEnablesAgents(debug: string | undefined): boolean {
  if (!debug) return false;
  return debug
    .split(/[\s,]+/)
    .filter((pattern) => pattern !== '' && !pattern.startsWith('-'))
    .some((pattern) => canMatchSdkNamespace(pattern.toLowerCase()));
}

/** Whether `pattern` (with `*` as wildcard) matches at least one name that starts with `agents:`. */
function canMatchSdkNamespace(pattern: string): boolean {
  const star = pattern.indexOf('*');
  const literal = star === -1 ? pattern : pattern.slice(0, star);
  // Without a wildcard the pattern is one exact name; with one, everything after the literal head is open.
  if (star === -1) return literal.startsWith(SDK_NAMESPACE_PREFIX);
  return literal.startsWith(SDK_NAMESPACE_PREFIX) || SDK_NAMESPACE_PREFIX.startsWith(literal);
}
