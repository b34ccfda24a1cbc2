import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The nearest folder at or above `start` that holds a package.json. Scripts find the repository's
 * `manifest/` and `dist/` through it, so they work both from source and compiled into `dist/`.
 */
export function findPackageRoot(start: string): string {
  let folder = start;
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`No package.json at or above ${start}.`);
    folder = parent;
  }
  return folder;
}
