/**
 * The CLI's code, compiled once per version: V8's code cache of a bundle (its bytecode, for every function a
 * run compiled), kept in the user's cache folder and given back to V8 on the next start, so that a run does
 * not parse and compile again the 550 KB of the checker (the same idea as Node 22's module.enableCompileCache,
 * which the Node versions we support do not all have).
 *
 * What it never does: change what the code computes (V8 runs the same bytecode it would have compiled), fail a
 * run (any error — no cache folder, a full disk, a cache V8 rejects — leaves the plain load), or trust a cache
 * made for other code: a cache's name holds a hash of the bundle's text and the Node version and platform, and
 * V8 rejects it besides when its own version or flags differ. Off with GOVREPORT_NO_COMPILE_CACHE=1; the folder
 * is GOVREPORT_CACHE_DIR, else the platform's cache folder (`~/.cache/govreport` on Linux).
 *
 * A bundle loaded here is compiled as Node compiles a CommonJS module (same wrapper, same require, its own
 * file name and folder), and must not use `import()`: V8 loses the callback for it in a script made from a
 * cache (scripts/build.mjs checks that the bundles loaded this way have none).
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { Script } from 'node:vm';

/** What happened to a bundle's cache on load: used, made now (saved later), rejected by V8, or not used at all. */
export type CacheState = 'hit' | 'miss' | 'rejected' | 'off';

export interface Loaded {
  exports: unknown;
  state: CacheState;
}

/** A cache to write once the run has compiled what it needs (see saveCompileCaches). */
interface Pending {
  script: Script;
  file: string;
  dir: string;
  prefix: string;
}

/**
 * Caches to write, shared by the launcher and the bundle it loads (each bundle has its own copy of this
 * module, so the list lives on the global object, under a registered symbol).
 */
const PENDING = Symbol.for('govreport.compile-cache.pending');

function pending(): Pending[] {
  const g = globalThis as { [PENDING]?: Pending[] };
  return (g[PENDING] ??= []);
}

/** A bundle's cache is ≈ 0.6 MB; a file in its place much larger than this is not one, and is not read. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * A cache file's bytes, if it is a regular file of at most `maxBytes`: opened without blocking and checked
 * before it is read, so that a FIFO or a device put in its place is never waited on. Undefined otherwise
 * (no such file yet, or not one to read).
 */
export function readCacheFile(file: string, maxBytes: number): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    return st.isFile() && st.size <= maxBytes ? readFileSync(fd) : undefined;
  } catch {
    return undefined; // no cache yet: this run makes it
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes a cache file whole or not at all: to a file of its own in the folder (made if need be, the user's
 * only), then renamed into place; then removes the other files of the folder that `stale` names (older
 * versions). A folder that cannot be written, or a full disk, leaves no partly written file; false then.
 */
export function writeCacheFile(dir: string, file: string, data: Uint8Array, stale: (name: string) => boolean = () => false): boolean {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(tmp, data, { mode: 0o600 });
    renameSync(tmp, file);
    for (const f of readdirSync(dir)) if (f !== path.basename(file) && stale(f)) unlinkSync(path.join(dir, f));
    return true;
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      // Never made.
    }
    return false;
  }
}

/** The user's cache folder: GOVREPORT_CACHE_DIR, else the platform's per-user cache folder. */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.GOVREPORT_CACHE_DIR) return path.resolve(env.GOVREPORT_CACHE_DIR);
  const home = homedir();
  if (process.platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'govreport', 'cache');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'govreport');
  return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'govreport');
}

/** The code cache's folder: the user's cache folder; undefined when off (GOVREPORT_NO_COMPILE_CACHE=1). */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.GOVREPORT_NO_COMPILE_CACHE === '1') return undefined;
  return userCacheDir(env);
}

/** Node's CommonJS wrapper, so that the bundle sees what a required module sees. */
function wrap(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) { ${source.replace(/^#!.*/, '')}\n});`;
}

/**
 * Loads a CommonJS bundle as `require(file)` would, with V8's code cache when there is one for this text.
 * Never throws for the cache's sake: without a usable folder or cache, the bundle is compiled as usual.
 */
export function loadWithCompileCache(file: string, env: NodeJS.ProcessEnv = process.env): Loaded {
  const dir = cacheDir(env);
  if (!dir) return { exports: require(file), state: 'off' };
  const source = readFileSync(file, 'utf8');
  const base = path.basename(file, '.js');
  const prefix = `${base}-`;
  const key = createHash('sha256').update(source).update(`\0${process.version}\0${process.platform}\0${process.arch}`).digest('hex').slice(0, 32);
  const cacheFile = path.join(dir, `${prefix}${key}.v8cache`);
  const cachedData = readCacheFile(cacheFile, MAX_CACHE_BYTES);
  const script = new Script(wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const state: CacheState = !cachedData ? 'miss' : script.cachedDataRejected ? 'rejected' : 'hit';
  if (state !== 'hit') pending().push({ script, file: cacheFile, dir, prefix });
  const mod = { exports: {} as unknown, id: file, filename: file, loaded: false };
  const req = createRequire(file) as NodeJS.Require & { main: unknown };
  req.main = undefined;
  const fn = script.runInThisContext() as (e: unknown, r: NodeRequire, m: unknown, f: string, d: string) => void;
  fn.call(mod.exports, mod.exports, req, mod, file, path.dirname(file));
  mod.loaded = true;
  return { exports: mod.exports, state };
}

/**
 * Writes the caches still to write, once the run has compiled its working code (after the first reports are
 * checked: a cache holds the functions compiled so far). Each is written to a file of its own, then renamed
 * into place, and older caches of the same bundle (other versions) are removed. Errors are ignored.
 */
export function saveCompileCaches(): void {
  const list = pending();
  while (list.length > 0) {
    const p = list.pop()!;
    let data: Buffer;
    try {
      data = p.script.createCachedData();
    } catch {
      continue;
    }
    writeCacheFile(p.dir, p.file, data, (f) => f.startsWith(p.prefix) && /\.v8cache$/.test(f));
  }
}
