import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { buildAppPackage } from '../../manifest/buildAppPackage';
import { encodePng } from '../../manifest/encodePng';
import { ManifestError } from '../../manifest/validateManifest';

const manifestDir = join(__dirname, '..', '..', 'manifest');
const sampleEnv = {
  TEAMS_APP_ID: '6f1f3a52-8c1e-4f0a-9d5e-1b2c3d4e5f60',
  BOT_ID: '0b8e2f44-3c6d-4e7f-8a9b-0c1d2e3f4a5b',
  BOT_DOMAIN: 'veilig-melden.example.net',
};

describe('buildAppPackage', () => {
  let outDir: string;

  beforeEach(() => {
    outDir = mkdtempSync(join(tmpdir(), 'vm-app-package-'));
  });

  afterEach(() => rmSync(outDir, { recursive: true, force: true }));

  it('when the environment is complete, then the zip holds the filled manifest, both icons and nl.json at its root', async () => {
    const outFile = join(outDir, 'nested', 'appPackage.zip');

    const result = await buildAppPackage({ manifestDir, outFile, env: sampleEnv });

    const zip = await JSZip.loadAsync(readFileSync(outFile));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'nl.json', 'outline.png']);
    expect(result.entries).toEqual(['manifest.json', 'color.png', 'outline.png', 'nl.json']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { id: string; bots: { botId: string }[] };
    expect(manifest.id).toBe(sampleEnv.TEAMS_APP_ID);
    expect(manifest.bots[0].botId).toBe(sampleEnv.BOT_ID);
    expect(await zip.file('color.png')!.async('nodebuffer')).toEqual(readFileSync(join(manifestDir, 'color.png')));
    expect(await zip.file('outline.png')!.async('nodebuffer')).toEqual(readFileSync(join(manifestDir, 'outline.png')));
  });

  it('when built twice from the same input, then the zips are identical', async () => {
    const first = join(outDir, 'a.zip');
    const second = join(outDir, 'b.zip');

    await buildAppPackage({ manifestDir, outFile: first, env: sampleEnv });
    await buildAppPackage({ manifestDir, outFile: second, env: sampleEnv });

    expect(readFileSync(first)).toEqual(readFileSync(second));
  });

  it('when an environment variable is missing, then it fails naming it and writes nothing', async () => {
    const outFile = join(outDir, 'appPackage.zip');

    const building = buildAppPackage({ manifestDir, outFile, env: { TEAMS_APP_ID: sampleEnv.TEAMS_APP_ID, BOT_ID: sampleEnv.BOT_ID } });

    await expect(building).rejects.toThrow(ManifestError);
    await expect(building).rejects.toThrow(/BOT_DOMAIN/);
    expect(existsSync(outFile)).toBe(false);
  });

  it('when an icon has the wrong size, then it fails naming the icon and the required size', async () => {
    const sourceDir = mkdtempSync(join(outDir, 'manifest-'));
    for (const file of ['manifest.json', 'color.png', 'nl.json']) copyFileSync(join(manifestDir, file), join(sourceDir, file));
    writeFileSync(join(sourceDir, 'outline.png'), encodePng(16, 16, new Uint8Array(16 * 16 * 4)));

    const building = buildAppPackage({ manifestDir: sourceDir, outFile: join(outDir, 'appPackage.zip'), env: sampleEnv });

    await expect(building).rejects.toThrow('outline.png (outline icon) is 16×16; Teams requires 32×32');
  });
});
