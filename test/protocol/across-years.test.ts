/** The editor compares a report with last year's report in the workspace: R10 and text-copied, agency written differently. */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { FIXTURES, loadFixtures } from '../helpers/fixtures';
import { TestClient } from '../helpers/lsp-client';

const fixture = (name: string) => loadFixtures().find((f) => f.name === name)!;

describe('protocol: across years', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'govreport-years-'));
    copyFileSync(path.join(FIXTURES, 'checks', 'text-copied', 'last-year-2021.txt'), path.join(dir, '2021年度报告.txt'));
    client = new TestClient({ pull: true, workspaceFolders: [dir] });
    await client.initialize();
  });
  after(() => client.shutdown());

  it('finds last year\'s report though the agency is written with a space and without its city', async () => {
    const text = fixture('checks/text-copied/fires-section-five-as-last-year.txt').text
      .replace('示例市示例区人民政府办公室', '示例区 人民政府办公室')
      .replace('行政规范性文件\t3\t0\t26', '行政规范性文件\t3\t0\t25');
    const file = path.join(dir, '2022年度报告.txt');
    writeFileSync(file, text);
    const uri = pathToFileURL(file).toString();
    // The background scan may still be running: pull again until the index has last year's report.
    let ds: Diagnostic[] = [];
    for (let i = 0; i < 50 && !ds.some((d) => d.code === 'text-copied'); i++) {
      if (i) await new Promise((r) => setTimeout(r, 50));
      client.close(uri);
      client.open(uri, text);
      ds = await client.pullDiagnostics(uri);
    }
    const copied = ds.filter((d) => d.code === 'text-copied');
    assert.equal(copied.length, 1, ds.map((d) => d.message).join('\n'));
    assert.match(String(copied[0]!.message), /与2021年报告（2021年度报告\.txt）几乎相同（相似度 100%/);
    assert.ok(copied[0]!.relatedInformation?.[0]?.location.uri.endsWith(encodeURIComponent('2021年度报告.txt')));
    const inForce = ds.filter((d) => d.code === 'in-force-mismatch');
    assert.equal(inForce.length, 1);
    assert.equal(inForce[0]!.range.start.line, 32);
  });
});
