/** The list of a directory file an entry lives in. */
export type DirectoryCollection = 'units' | 'people' | 'teams';

/** The field that holds each collection's id. */
export const DIRECTORY_ID_FIELDS: Readonly<Record<DirectoryCollection, string>> = { units: 'id', people: 'aadObjectId', teams: 'id' };

/**
 * Names an entry of a directory file the way an editor finds it: by position and by id, e.g.
 * `units[3] (id "u-x")` or `people[12] (aadObjectId "…")`. The id is left out when the entry has
 * none usable (the problem may be exactly that). Never includes a person's name.
 */
export function directoryEntryLabel(collection: DirectoryCollection, index: number, id?: unknown): string {
  const position = `${collection}[${index}]`;
  return typeof id === 'string' && id.trim() !== '' ? `${position} (${DIRECTORY_ID_FIELDS[collection]} ${JSON.stringify(id)})` : position;
}
