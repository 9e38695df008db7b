/**
 * The clerk's view through the real server: the finding at the cell just typed, and the per-document cap with
 * one summary saying how many more there are and how to see them.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { MAX_PROBLEMS_PER_DOCUMENT } from '../../server/src/server/cap';
import { loadFixtures } from '../helpers/fixtures';
import { TestClient } from '../helpers/lsp-client';

const seed000 = loadFixtures().find((f) => f.name.startsWith('seeds/000'))!;
const seed004 = loadFixtures().find((f) => f.name.startsWith('seeds/004'))!;
const CHECK_FILES = 'govreport/checkFiles';

describe('protocol: the clerk\'s view', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient({ pull: false });
    await client.initialize();
  });
  after(() => client.shutdown());

  it('a number typed into 本年新收 / 自然人 of a table without 总计 is reported at that cell, not 25 lines below', async () => {
    const uri = 'file:///clerk/edited.txt';
    client.open(uri, seed000.text);
    await client.waitPushed(uri, 1);
    const lines = seed000.text.split('\n');
    const line = lines.findIndex((l) => l.startsWith('一、本年新收政府信息公开申请数量'));
    const character = lines[line]!.search(/\t[0-9]/) + 1;
    const cell = { start: { line, character }, end: { line, character: character + 1 } };
    const v = client.change(uri, [{ range: cell, text: '5' }]);
    const pushed = await client.waitPushed(uri, v);
    const balance = pushed.diagnostics.filter((d) => d.code === 'sum-balance');
    assert.equal(balance.length, 1, pushed.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
    assert.deepEqual(balance[0]!.range, cell);
    const related = balance[0]!.relatedInformation ?? [];
    assert.ok(related.some((r) => r.location.range.start.line - line > 20), 'the carried-out cell is related');
    // The same text opened fresh (no edit) reports it at the carried-out cell.
    const fresh = 'file:///clerk/fresh.txt';
    client.open(fresh, lines.map((l, i) => (i === line ? l.slice(0, character) + '5' + l.slice(character + 1) : l)).join('\n'));
    const opened = await client.waitPushed(fresh, 1);
    const there = opened.diagnostics.find((d) => d.code === 'sum-balance')!;
    assert.ok(there.range.start.line - line > 20, `fresh: at line ${there.range.start.line}`);
  });

  it(`a report with more findings than ${MAX_PROBLEMS_PER_DOCUMENT} shows that many, one of them saying how many more and how`, async () => {
    const uri = 'file:///clerk/%E5%BE%88%E5%A4%9A.txt';
    // 1,500 bookmark leftovers in section 一: 1,500 conversion-debris warnings, plus the report's own note.
    const lines = seed004.text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('二、')) - 1;
    lines.splice(at, 0, ...Array.from({ length: 1500 }, (_, i) => `[bookmark: b${i}]`));
    client.open(uri, lines.join('\n'));
    const pushed = await client.waitPushed(uri, 1);
    assert.equal(pushed.diagnostics.length, MAX_PROBLEMS_PER_DOCUMENT);
    const summary = pushed.diagnostics.filter((d) => d.code === 'too-many-problems');
    assert.equal(summary.length, 1);
    assert.match(String(summary[0]!.message), /本文档共有 1501 个问题，这里列出 999 个（先列最严重的），还有 502 个未列出。查看全部：在终端运行 govreport check "\/clerk\/很多\.txt"/);
    assert.equal(pushed.diagnostics.filter((d) => d.code === 'conversion-debris').length, 999, 'warnings before the information note');
  });
});

describe('protocol: config that forgives and refreshes', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'govreport-config-'));
    client = new TestClient({ pull: true, workspaceFolders: [dir] });
    await client.initialize();
  });
  after(() => client.shutdown());
  const file = (name: string) => path.join(dir, name);
  const uri = (name: string) => pathToFileURL(file(name)).toString();

  it('a govreport.json with comments and trailing commas applies; a bad key is shown once, with its line and column', async () => {
    writeFileSync(file('govreport.json'), '{\n  // 不收费\n  "checks": { "fee-statement-missing": "off", },\n  "lcoale": "en",\n}\n');
    for (const n of ['a.txt', 'b.txt', 'c.txt']) writeFileSync(file(n), seed004.text);
    client.messages.length = 0;
    for (let i = 0; i < 3; i++) {
      const r = await client.request<{ files: { errors: number; warnings: number; notes: number }[] }>(CHECK_FILES, { uris: ['a.txt', 'b.txt', 'c.txt'].map(uri) });
      assert.deepEqual(r.files.map((f) => f.notes), [0, 0, 0], 'fee-statement-missing is off');
    }
    const about = client.messages.filter((m) => m.message.includes('lcoale'));
    assert.equal(about.length, 1, client.messages.map((m) => m.message).join('\n'));
    assert.match(about[0]!.message, /^GovReport：.*govreport\.json 第 4 行第 3 列：未知的设置“lcoale”，已忽略/);
  });

  it('after govreport.json changes, the files of the last workspace check are checked again and pushed', async () => {
    writeFileSync(file('govreport.json'), '{ "checks": { "fee-statement-missing": "error" } }');
    client.pushed.delete(uri('a.txt'));
    void client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('govreport.json'), type: 2 }] });
    const pushed = await client.waitPushed(uri('a.txt'), undefined, 10000);
    assert.deepEqual(pushed.diagnostics.map((d) => `${d.code}:${d.severity}`), ['fee-statement-missing:1']);
  });
});
