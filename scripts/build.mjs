// Bundles the extension client, the language server and the CLI into dist/ with esbuild.
// Usage: node scripts/build.mjs [--watch] [--minify]
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const watch = process.argv.includes('--watch');
const BUILD_ID = 'dist/build-id';
const minify = process.argv.includes('--minify') || process.env.GOVREPORT_MINIFY === '1';

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  minify,
  logLevel: 'warning',
  legalComments: 'none',
  // jsonc-parser's main build is UMD, whose inner requires a bundle cannot follow; its ES module build bundles.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  define: { GOVREPORT_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
};

/**
 * Code loaded only when an original (.docx, .pdf, .html) is opened lives in bundles of its own, required at
 * that moment: the readers (dist/sources.js) and pdf.js (dist/pdfjs.js, 2 MB). A dynamic import of one of
 * these modules stays a load of its bundle, so the server's and the CLI's start on .txt never parse them.
 */
const LAZY = [
  { module: 'server/src/core/source/index.ts', outfile: 'dist/sources.js' },
  { module: 'server/src/core/source/pdfjs.ts', outfile: 'dist/pdfjs.js' },
  // zod takes longer to load (≈ 50 ms) than the CLI takes to check a small folder, and is needed only when a
  // govreport.json is found: its own bundle, for the CLI only (the server validates the editor's settings at
  // once, so it keeps zod inside).
  { module: 'server/src/core/settings-schema.ts', outfile: 'dist/settings-schema.js', for: ['dist/cli-main.js'] },
];
const lazyBundles = (self) => ({
  name: 'lazy-bundles',
  setup(build) {
    build.onResolve({ filter: /(?:source\/index|\/pdfjs|\/settings-schema)\.js$/ }, (args) => {
      const target = path.resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      const lazy = LAZY.find((l) => path.resolve(l.module) === target);
      if (!lazy || lazy.outfile === self || (lazy.for && !lazy.for.includes(self))) return undefined;
      return { path: `./${path.basename(lazy.outfile)}`, external: true };
    });
  },
});

/**
 * pdf.js's CMaps for Chinese fonts a PDF names without embedding them: the Adobe-GB1 and Adobe-CNS1
 * collections (mainland and traditional Chinese; 77 files, 570 KB; Japanese and Korean ones are left out),
 * copied next to the bundles with their licence, and read from disk only when such a PDF is opened.
 */
const CMAPS = { from: 'node_modules/pdfjs-dist/cmaps', to: 'dist/cmaps', names: /^(?:Adobe-(?:GB1|CNS1)|UniGB|UniCNS|GB|CNS|B5|ETen|ETHK|HK).*\.bcmap$|^LICENSE$/ };

function copyCMaps() {
  if (!existsSync(CMAPS.from)) return;
  mkdirSync(CMAPS.to, { recursive: true });
  for (const f of readdirSync(CMAPS.from).filter((n) => CMAPS.names.test(n))) copyFileSync(path.join(CMAPS.from, f), path.join(CMAPS.to, f));
}

const entries = ([
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/server/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  // The `govreport` command is a small launcher (dist/cli.js) that loads the CLI (dist/cli-main.js) through
  // V8's code cache (server/src/node/compile-cache.ts); its worker threads likewise.
  { entryPoints: ['server/src/cli/launch.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-main.js' },
  // The CLI's worker threads: the core and file reading only, so a worker starts faster than the whole CLI.
  { entryPoints: ['server/src/cli/check/worker-launch.ts'], outfile: 'dist/check-worker.js' },
  { entryPoints: ['server/src/cli/check/worker.ts'], outfile: 'dist/check-worker-main.js' },
  // The language server's reader of originals, in a worker thread (the readers themselves stay lazy bundles).
  { entryPoints: ['server/src/node/read-worker.ts'], outfile: 'dist/read-worker.js' },
  ...LAZY.map((l) => ({ entryPoints: [l.module], outfile: l.outfile })),
]).filter((e) => existsSync(e.entryPoints[0])).map((e) => ({ ...e, plugins: [lazyBundles(e.outfile)] }));

if (watch) {
  // Bundles rebuilt as they are edited have no fixed build to name: no result cache while watching.
  rmSync(BUILD_ID, { force: true });
  copyCMaps();
  for (const e of entries) await (await esbuild.context({ ...common, ...e })).watch();
  console.log('watching…');
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
  copyCMaps();
  for (const f of ['dist/server.js', 'dist/cli.js']) if (existsSync(f)) chmodSync(f, 0o755);
  checkCachedBundles();
  writeBuildId();
}

/**
 * dist/build-id: a hash of the bundles whose code decides what `govreport check` finds (the CLI, its worker,
 * the readers of originals), naming the result cache's store (server/src/cli/check/cached.ts), so that a
 * store is used only by the build that wrote it. Without the file, the CLI keeps no result cache.
 */
function writeBuildId() {
  const h = createHash('sha256');
  for (const f of ['dist/cli-main.js', 'dist/check-worker-main.js', 'dist/sources.js', 'dist/pdfjs.js']) {
    h.update(`${f}\0`);
    if (existsSync(f)) h.update(readFileSync(f));
  }
  writeFileSync(BUILD_ID, `${h.digest('hex').slice(0, 32)}\n`);
}

/**
 * A bundle loaded through the code cache must not use `import()` (V8 drops its callback in a script made from
 * a cache: see compile-cache.ts); esbuild leaves one only for a module kept outside the bundle. Fails the build.
 */
function checkCachedBundles() {
  for (const f of ['dist/cli-main.js', 'dist/check-worker-main.js']) {
    if (existsSync(f) && /\bimport\(/.test(readFileSync(f, 'utf8').replace(/\/\/.*$/gm, ''))) {
      console.error(`${f}: a dynamic import() in a bundle loaded through the code cache; use require() (server/src/node/compile-cache.ts)`);
      process.exit(1);
    }
  }
}
