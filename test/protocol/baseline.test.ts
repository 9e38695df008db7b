/** The editor honours the reviewer's baseline named in govreport.json: dismissed findings are not shown, new ones are. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { FIXTURES, ROOT } from '../helpers/fixtures';
import { TestClient } from '../helpers/lsp-client';

describe('protocol: baseline', () => {
  let client: TestClient;
  let dir: string;
  const seed = path.join(FIXTURES, 'seeds', '002_d5b91211e5e67ae1.txt');
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'govreport-baseline-'));
    copyFileSync(seed, path.join(dir, '年度报告.txt'));
    writeFileSync(path.join(dir, 'govreport.json'), JSON.stringify({ baseline: 'review/baseline.json' }));
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', '--baseline', path.join(dir, 'review', 'baseline.json'), '--config', path.join(dir, 'govreport.json'), dir], { encoding: 'utf8' });
    assert.match(r.stderr, /已写入基线/);
    client = new TestClient({ pull: true, workspaceFolders: [dir] });
    await client.initialize();
  });
  after(() => client.shutdown());

  it('shows none of the dismissed findings, and a new one after an edit', async () => {
    const uri = pathToFileURL(path.join(dir, '年度报告.txt')).toString();
    const text = readFileSync(seed, 'utf8');
    client.open(uri, text);
    assert.deepEqual((await client.pullDiagnostics(uri)).map((d) => d.code), []);
    client.close(uri);
    // Lines move (two lines inserted at the top) and a heading is reworded: only that is new.
    client.open(uri, '\n\n' + text.replace('二、主动公开政府信息情况', '二、主动公开信息情况'));
    const ds = await client.pullDiagnostics(uri);
    assert.deepEqual(ds.map((d) => d.code), ['section-title'], ds.map((d) => d.message).join('\n'));
  });
});
