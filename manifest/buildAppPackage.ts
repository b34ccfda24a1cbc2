/**
 * `npm run package`: builds the Teams app package `dist/appPackage.zip` (manifest.json, the two
 * icons and the localization files, at the zip root) from `manifest/`, with TEAMS_APP_ID, BOT_ID
 * and BOT_DOMAIN taken from the environment. Nothing is downloaded: the schemas come from
 * `@microsoft/app-manifest`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative } from 'node:path';
import JSZip from 'jszip';
import { findPackageRoot } from './findPackageRoot';
import { readPngHeader } from './readPngHeader';
import { fillPlaceholders, ManifestError, schemaProblems, validateManifest, type TeamsManifest } from './validateManifest';

/** Where to read the manifest from and write the package to. */
export interface AppPackageOptions {
  /** Folder with manifest.json, the icons and localization files. */
  manifestDir: string;
  /** The zip to write; its folder is created. */
  outFile: string;
  /** Source of the `${{NAME}}` placeholder values. */
  env: NodeJS.ProcessEnv;
}

/** What was written. */
export interface AppPackage {
  outFile: string;
  /** File names in the zip, manifest.json first. */
  entries: string[];
}

// A fixed timestamp makes the zip depend only on its contents.
const entryDate = new Date('2000-01-01T00:00:00Z');

const iconSizes: Readonly<Record<string, number>> = { color: 192, outline: 32, color32x32: 32 };

function readPackageFile(manifestDir: string, file: string): Buffer {
  const path = normalize(join(manifestDir, file));
  if (isAbsolute(file) || relative(manifestDir, path).startsWith('..')) {
    throw new ManifestError('The manifest refers to a file outside its folder:', [file]);
  }
  try {
    return readFileSync(path);
  } catch {
    throw new ManifestError('The manifest refers to a file that does not exist:', [file]);
  }
}

function checkIcons(manifest: TeamsManifest, manifestDir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const problems: string[] = [];
  for (const [kind, file] of Object.entries(manifest.icons)) {
    if (typeof file !== 'string') continue;
    const bytes = readPackageFile(manifestDir, file);
    const size = iconSizes[kind];
    try {
      const header = readPngHeader(bytes);
      if (size && (header.width !== size || header.height !== size)) {
        problems.push(`${file} (${kind} icon) is ${header.width}×${header.height}; Teams requires ${size}×${size}`);
      }
    } catch {
      problems.push(`${file} (${kind} icon) is not a PNG`);
    }
    files.set(file, bytes);
  }
  if (problems.length > 0) throw new ManifestError('The icons do not meet the Teams requirements:', problems);
  return files;
}

function checkLocalizations(manifest: TeamsManifest, manifestDir: string, env: NodeJS.ProcessEnv): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const info = manifest.localizationInfo;
  const names = [info?.defaultLanguageFile, ...(info?.additionalLanguages ?? []).map((language) => language.file)];
  for (const file of names) {
    if (!file) continue;
    const text = fillPlaceholders(readPackageFile(manifestDir, file).toString('utf8'), env);
    const problems = schemaProblems(JSON.parse(text), manifest.manifestVersion, 'MicrosoftTeams.Localization.schema.json');
    if (problems.length > 0) throw new ManifestError(`${file} does not match the Teams localization schema:`, problems);
    files.set(file, Buffer.from(text));
  }
  return files;
}

/**
 * Validates the manifest (see `validateManifest`), its icons (PNG, 192×192 and 32×32) and its
 * localization files, and writes the app package.
 *
 * @throws ManifestError with every problem found, before anything is written
 */
export async function buildAppPackage(options: AppPackageOptions): Promise<AppPackage> {
  const { manifestDir, outFile, env } = options;
  const manifest = validateManifest(readPackageFile(manifestDir, 'manifest.json').toString('utf8'), env);
  const files = new Map([...checkIcons(manifest, manifestDir), ...checkLocalizations(manifest, manifestDir, env)]);

  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date: entryDate });
  for (const [name, bytes] of files) zip.file(name, bytes, { date: entryDate });
  const content = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });

  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, content);
  return { outFile, entries: ['manifest.json', ...files.keys()] };
}

if (require.main === module) {
  const root = findPackageRoot(__dirname);
  buildAppPackage({ manifestDir: join(root, 'manifest'), outFile: join(root, 'dist', 'appPackage.zip'), env: process.env }).then(
    ({ outFile, entries }) => console.log(`Wrote ${relative(root, outFile)}: ${entries.join(', ')}`),
    (error: unknown) => {
      console.error(error instanceof ManifestError ? error.message : `Packaging failed: ${String(error)}`);
      process.exitCode = 1;
    },
  );
}
