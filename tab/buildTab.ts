/**
 * Builds the Teams tab (tab/src, React + Fluent UI) into `dist/tab-ui`: one minified script, the
 * page and its stylesheet, which `functions/tabFiles.ts` serves. Part of `npm run build` (so
 * `npm start` serves the tab with nothing else to run); the browser tests call it too.
 */
import { build, type BuildOptions } from 'esbuild';
import { copyFileSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageRoot } from '../manifest/findPackageRoot';

/** How the tab is bundled: one minified script for the browser (its test checks what goes into it). */
export function tabBuildOptions(root: string): BuildOptions {
  return {
    entryPoints: [join(root, 'tab', 'src', 'main.tsx')],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2022'],
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'warning',
  };
}

/** Builds into a fresh folder beside the target, then swaps it in: a server never reads half a build. */
export async function buildTab(root = findPackageRoot(__dirname)): Promise<string> {
  const target = join(root, 'dist', 'tab-ui');
  const staging = `${target}.${process.pid}.${Date.now()}`;
  mkdirSync(staging, { recursive: true });
  try {
    await build({ ...tabBuildOptions(root), outfile: join(staging, 'tab.js') });
    for (const file of ['index.html', 'tab.css']) copyFileSync(join(root, 'tab', 'static', file), join(staging, file));
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return target;
}

if (require.main === module) {
  const started = Date.now();
  buildTab().then(
    (target) => process.stdout.write(`Tab built into ${target} in ${Date.now() - started} ms.\n`),
    (error: unknown) => {
      process.stderr.write(`Tab build failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
