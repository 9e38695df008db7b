/**
 * The language server reads originals in a worker thread: its own thread keeps turning while a PDF is read
 * (in it, pdf.js would hold it for the whole document), and a read that hangs, dies or is no longer wanted
 * ends with its worker.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { readSource } from '../../server/src/core/source/index';
import { ReadPool } from '../../server/src/node/read-pool';
import { SOURCE_ENV } from '../../server/src/node/sources';
import { FIXTURES } from '../helpers/fixtures';

const PDF = path.join(FIXTURES, 'originals', 'six-pages.pdf');
const dir = mkdtempSync(path.join(tmpdir(), 'govreport-read-pool-'));
/** A worker script that answers nothing: it spins, or it exits, on the first message. */
const script = (name: string, body: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, `require('node:worker_threads').parentPort.on('message', () => { ${body} });`);
  return file;
};

/** The longest this thread's event loop went without a turn while `p` ran, and how long `p` took. */
async function blockedDuring<T>(p: () => Promise<T>): Promise<{ value: T; longest: number; took: number }> {
  const t0 = performance.now();
  let last = t0;
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  try {
    const value = await p();
    const end = performance.now();
    return { value, longest: Math.max(longest, end - last), took: end - t0 };
  } finally {
    clearInterval(timer);
  }
}

describe('reading originals in a worker thread', () => {
  const pools: ReadPool[] = [];
  const pool = (o?: ConstructorParameters<typeof ReadPool>[0]) => {
    const p = new ReadPool(o);
    pools.push(p);
    return p;
  };
  after(() => pools.forEach((p) => p.dispose()));

  it('gives the view the readers give in this thread, and this thread keeps turning meanwhile', async () => {
    const p = pool();
    await p.read(PDF, 'pdf'); // the worker started and the readers loaded
    const inWorker = await blockedDuring(() => p.read(PDF, 'pdf'));
    const here = await blockedDuring(() => readSource(readFileSync(PDF), 'pdf', undefined, SOURCE_ENV));
    assert.deepEqual(inWorker.value, here.value);
    // Why: pdf.js in this thread holds it for most of the read; with the worker it keeps turning.
    assert.ok(here.longest > here.took / 2, `in this thread: blocked ${here.longest.toFixed(0)} of ${here.took.toFixed(0)} ms`);
    assert.ok(inWorker.longest * 4 < here.longest, `blocked ${inWorker.longest.toFixed(0)} ms with the worker, ${here.longest.toFixed(0)} ms without`);
    assert.equal(p.alive, true);
  });

  it('kills a read that runs past its time: the view says so, and the worker is gone', async () => {
    const p = pool({ script: script('spin.js', 'for (;;) {}'), timeoutMs: 300 });
    const v = await p.read(PDF, 'pdf');
    assert.deepEqual(v.problems, [{ kind: 'timeout', limit: 300 }]);
    assert.equal(p.alive, false);
  });

  it('stops a read nobody waits for any more, and reads the next with a new worker', async () => {
    const p = pool({ script: script('spin2.js', 'for (;;) {}'), timeoutMs: 60_000 });
    const first = p.read('/some/report.pdf', 'pdf');
    p.cancel('/some/report.pdf');
    await assert.rejects(first, /cancelled/);
    assert.equal(p.alive, false);
  });

  it('says so when the worker dies, and rejects a file that is not there', async () => {
    const dies = pool({ script: script('exit.js', 'process.exit(3)') });
    const v = await dies.read(PDF, 'pdf');
    assert.equal(v.problems[0]?.kind, 'damaged');
    await assert.rejects(pool().read(path.join(dir, 'missing.pdf'), 'pdf'), /no such file/);
  });
});
