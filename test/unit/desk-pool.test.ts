/** The folder pipeline: worker threads give the same outcomes, in the same order, as one thread; a dying worker loses nothing. */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { isFailed, type Outcome, type PlainOptions } from '../../server/src/cli/check/analyse';
import { checkFiles, workersFor } from '../../server/src/cli/check/pool';
import { FIXTURES } from '../helpers/fixtures';

function files(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((e) => {
    const p = path.join(dir, e);
    return statSync(p).isDirectory() ? files(p) : /\.(txt|md)$/.test(e) ? [p] : [];
  });
}

const options: PlainOptions[] = [{ locale: 'zh', levels: {}, maxSize: 2_000_000 }];
const all = [...files(path.join(FIXTURES, 'checks')).slice(0, 40), path.join(FIXTURES, 'no-such-file.txt')];
const jobs = all.map((p) => ({ path: p, options: 0 }));
const summary = (o: Outcome[]) => o.map((x) => (isFailed(x) ? `${x.path} ! ${x.error}` : `${x.path} ${x.model.year} ${x.findings.map((f) => `${f.code}@${f.range.start.line}`).join(',')}`));

describe('check pool', () => {
  it('uses no worker for a few files, and for a folder one less than the cores (this thread checks too)', () => {
    const idle = 0;
    assert.equal(workersFor(5, undefined, idle), 0);
    assert.equal(workersFor(1000, undefined, idle), availableParallelism() - 1);
    assert.equal(workersFor(30, undefined, idle), Math.min(availableParallelism() - 1, 1), 'a worker per 24 files at most');
    assert.equal(workersFor(10, 3), 3);
  });
  it('starts no worker on a machine with no core to spare, unless --jobs asks', () => {
    assert.equal(workersFor(1000, undefined, availableParallelism()), 0);
    assert.equal(workersFor(1000, 2, availableParallelism() * 4), 2);
  });
  it('gives the same outcomes in workers as in one thread, in the order of the files', async () => {
    const one = await checkFiles(jobs, options, { workers: 0 });
    const progress: number[] = [];
    const two = await checkFiles(jobs, options, { workers: 2, progress: (d) => progress.push(d) });
    assert.deepEqual(summary(two), summary(one));
    assert.equal(progress[progress.length - 1], jobs.length);
    assert.ok(isFailed(two[two.length - 1]!), 'the missing file is an outcome of its own');
  });
  it('checks here what a worker that dies left undone', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'govreport-pool-'));
    const bad = path.join(dir, 'crash.js');
    writeFileSync(bad, 'require("node:worker_threads").parentPort.on("message", () => process.exit(3));');
    const one = await checkFiles(jobs, options, { workers: 0 });
    const got = await checkFiles(jobs, options, { workers: 2, script: bad });
    assert.deepEqual(summary(got), summary(one));
    rmSync(dir, { recursive: true, force: true });
  });
});
