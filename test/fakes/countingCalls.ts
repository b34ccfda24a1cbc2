/**
 * The object with a count of the calls of each method, by name: for tests about how often a use
 * case reads a repository or asks the directory (work done once, not per item).
 */
export function countingCalls<T extends object>(target: T): { counted: T; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const counted = new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]) => {
        calls.set(property, (calls.get(property) ?? 0) + 1);
        return (value as (...parameters: unknown[]) => unknown).apply(object, args);
      };
    },
  });
  return { counted, calls };
}
