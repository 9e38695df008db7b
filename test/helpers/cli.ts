/** Running the built CLI (dist/cli.js) in tests, and writing texts in the encodings it must read. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from './fixtures';

export const CLI = path.join(ROOT, 'dist', 'cli.js');

/**
 * The CLI's code cache (server/src/node/compile-cache.ts) for this test process: runs after the first start
 * from the cache, as a user's do, without writing to the home folder.
 */
export const CACHE_DIR = mkdtempSync(path.join(tmpdir(), 'govreport-cache-'));

/** Runs `govreport ARGS` to its end, in a Chinese-neutral environment without colour. */
export function run(args: string[], opts: { cwd?: string; env?: Record<string, string>; timeout?: number } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', NO_COLOR: '1', GOVREPORT_CACHE_DIR: CACHE_DIR, ...opts.env },
    ...(opts.timeout ? { timeout: opts.timeout, killSignal: 'SIGKILL' as const } : {}),
  });
  return { code: r.status, out: r.stdout, err: r.stderr, signal: r.signal };
}

/**
 * Runs `govreport ARGS` with its standard output closed by the reader before anything is written (as
 * `govreport rules | head -0` does): the exit status and standard error.
 */
export function runClosedStdout(args: string[]): Promise<{ code: number | null; err: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'C.UTF-8', NO_COLOR: '1', GOVREPORT_CACHE_DIR: CACHE_DIR } });
  child.stdout!.destroy();
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, err })));
}

export function tmp(): string {
  return mkdtempSync(path.join(tmpdir(), 'govreport-cli-'));
}

/** Bytes of a text in a double-byte encoding, from the decoder's own table (Node encodes neither). */
function encodeWith(encoding: string, leads: [number, number], trails: [number, number][], text: string): Buffer {
  const dec = new TextDecoder(encoding);
  const table = new Map<string, number[]>();
  for (let a = leads[0]; a <= leads[1]; a++) {
    for (const [lo, hi] of trails) {
      for (let b = lo; b <= hi; b++) {
        const ch = dec.decode(Uint8Array.from([a, b]));
        if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [a, b]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no ${encoding} two-byte code for ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

export function encodeGb18030(text: string): Buffer {
  return encodeWith('gb18030', [0x81, 0xfe], [[0x40, 0x7e], [0x80, 0xfe]], text);
}

export function encodeBig5(text: string): Buffer {
  return encodeWith('big5', [0x81, 0xfe], [[0x40, 0x7e], [0xa1, 0xfe]], text);
}
