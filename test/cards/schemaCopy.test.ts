import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '../..');

describe('the Adaptive Card schema kept in the repository', () => {
  it('when the copy is hashed, then it is the official file whose sha256 schemas/README.md records', () => {
    const readme = readFileSync(path.join(ROOT, 'schemas/README.md'), 'utf8');
    const recorded = /`adaptive-card-1\.5\.json`.*`([0-9a-f]{64})`/.exec(readme)?.[1];
    const actual = createHash('sha256').update(readFileSync(path.join(ROOT, 'schemas/adaptive-card-1.5.json'))).digest('hex');
    expect(recorded).toBeDefined();
    expect(actual).toBe(recorded);
  });
});
