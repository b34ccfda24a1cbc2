/** A route template turned into a matcher for request paths. */
export interface CompiledRoute {
  /** The template as registered, e.g. `cases/{id}`. */
  template: string;
  /** The route parameters if `pathname` (still percent-encoded, without query) matches, else `undefined`. */
  match(pathname: string): Record<string, string> | undefined;
}

// The subset of ASP.NET route constraints that change which paths match; other constraints are
// accepted and treated as "any segment", which is looser than Azure but never refuses a valid call.
const constraintPatterns: Readonly<Record<string, string>> = {
  int: '-?\\d+',
  long: '-?\\d+',
  bool: 'true|false',
  alpha: '[a-z]+',
  guid: '[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}',
};

const parameterPattern = /\{(\*)?([A-Za-z0-9_]+)(?::([A-Za-z]+)(?:\([^)]*\))?)?(\?)?\}/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Compiles an Azure Functions route template (`health`, `cases/{id}`, `cases/{id:guid}`,
 * `files/{name?}`, `proxy/{*rest}`) under a route prefix (`api` by default, as in `host.json`).
 * Literal parts match case-insensitively, as in the Functions host.
 */
export function compileRoute(template: string, routePrefix = 'api'): CompiledRoute {
  const names: string[] = [];
  const segments = template.split('/').filter((segment) => segment.length > 0);
  let pattern = '';
  for (const segment of segments) {
    const whole = /^\{(\*)?([A-Za-z0-9_]+)(?::([A-Za-z]+)(?:\([^)]*\))?)?(\?)?\}$/.exec(segment);
    if (whole && (whole[1] || whole[4])) {
      // Catch-all and optional parameters may be absent together with the slash before them.
      names.push(whole[2]);
      const value = whole[1] ? '.*' : (constraintPatterns[whole[3]?.toLowerCase() ?? ''] ?? '[^/]+');
      pattern += `(?:/(${value}))?`;
      continue;
    }
    let segmentPattern = '';
    let last = 0;
    for (const parameter of segment.matchAll(parameterPattern)) {
      segmentPattern += escapeRegExp(segment.slice(last, parameter.index));
      names.push(parameter[2]);
      segmentPattern += `(${constraintPatterns[parameter[3]?.toLowerCase() ?? ''] ?? '[^/]+?'})`;
      last = parameter.index + parameter[0].length;
    }
    segmentPattern += escapeRegExp(segment.slice(last));
    pattern += `/${segmentPattern}`;
  }
  const prefix = routePrefix.length > 0 ? `/${escapeRegExp(routePrefix)}` : '';
  const regex = new RegExp(`^${prefix}${pattern}/?$`, 'i');

  return {
    template,
    match(pathname) {
      const found = regex.exec(pathname);
      if (!found) return undefined;
      const params: Record<string, string> = {};
      try {
        names.forEach((name, index) => {
          const value = found[index + 1];
          if (value !== undefined) params[name] = decodeURIComponent(value);
        });
      } catch {
        // A malformed %-escape cannot name any resource.
        return undefined;
      }
      return params;
    },
  };
}
