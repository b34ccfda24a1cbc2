/** Every object in a JSON value, depth first (cards, invoke answers): to find buttons and their data. */
export function objectsIn(value: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) for (const item of value) objectsIn(item, found);
  else if (value && typeof value === 'object') {
    found.push(value as Record<string, unknown>);
    for (const item of Object.values(value)) objectsIn(item, found);
  }
  return found;
}
