/**
 * What travels for diagnostics and code actions (issue 10, "Amplification"; issue 9, fix kinds), over the
 * real server: Diagnostic.data carries facts, never edits, so a report of many blanks pushes kilobytes, not
 * megabytes; a code action's edits come from the server's analysis of the version the diagnostic names;
 * actions over many edits come without them and are built in codeAction/resolve; a request's diagnostics and
 * a reply's edits are capped; "Apply all automatic fixes" answers what it changed and what it left.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { fixAll } from '../../server/src/core/service';
import type { FixAllResult } from '../../server/src/protocol';
import { loadFixtures } from '../helpers/fixtures';
import { applyTextEdits, editsOf, TestClient } from '../helpers/lsp-client';

const seeds = loadFixtures().filter((f) => f.name.startsWith('seeds/'));
const seed = (n: string) => seeds.find((f) => f.name.startsWith(`seeds/${n}`))!;
/** Seed 004 (clean) with every number of its tables replaced by "/": 199 table-cell-blank findings. */
const allBlank = seed('004').text.split('\n').map((l) => (l.includes('\t') ? l.replace(/\t\d+(?=\t|$)/g, '\t/') : l)).join('\n');
const bytes = (x: unknown) => Buffer.byteLength(JSON.stringify(x));
const whole = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

describe('protocol: facts in Diagnostic.data, edits on request', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient({ pull: false, resolve: true });
    await client.initialize();
  });
  after(() => client.shutdown());

  it('every diagnostic of the seeds carries facts (version, fix kinds, what it concerns), never an edit', async () => {
    for (const s of seeds) {
      const uri = `file:///ca/${s.name.slice(6, 9)}.txt`;
      client.open(uri, s.text);
      const { diagnostics } = await client.waitPushed(uri, 1);
      assert.ok(diagnostics.length > 0);
      for (const d of diagnostics) {
        const data = d.data as { v: number; version: number; fixes: string[]; facts?: Record<string, unknown> };
        assert.equal(data.v, 2);
        assert.equal(data.version, 1);
        assert.ok(Array.isArray(data.fixes) && data.fixes.every((k) => ['safe', 'skeleton', 'suggestion'].includes(k)), JSON.stringify(data));
        assert.ok(!/"edits"|"newText"/.test(JSON.stringify(data)), `${d.code}: data carries edits`);
        assert.ok(bytes(data) < 600, `${d.code}: ${bytes(data)} bytes of data`);
      }
    }
  });

  it('a report of 199 blank cells pushes kilobytes: no fill-every-blank edits in each diagnostic', async () => {
    const uri = 'file:///ca/blanks.txt';
    client.open(uri, allBlank);
    const pushed = await client.waitPushed(uri, 1);
    const blanks = pushed.diagnostics.filter((d) => d.code === 'table-cell-blank');
    assert.equal(blanks.length, 199);
    // 3 MB when each diagnostic carried the table's 199 edits; now each carries its facts.
    assert.ok(bytes(pushed) < 150_000, `the push is ${bytes(pushed)} bytes`);
  });

  it('"fill every blank of this table" comes without its edits and is built in codeAction/resolve', async () => {
    const uri = 'file:///ca/blanks.txt';
    const d = (await client.waitPushed(uri, 1)).diagnostics.find((x) => x.code === 'table-cell-blank' && (x.data as { facts: { table: string } }).facts.table === 'requests')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const one = actions.find((a) => a.edit && a.diagnostics?.length === 1)!;
    assert.match(one.title, /填入 0.*请核实/);
    assert.ok(!one.isPreferred, 'a 0 nobody wrote is not the preferred fix');
    const group = actions.find((a) => /个空白都填为 0/.test(a.title))!;
    assert.ok(group && !group.edit && group.data, actions.map((a) => a.title).join(' | '));
    assert.ok(bytes(actions) < 5_000, `the reply is ${bytes(actions)} bytes`);
    const resolved = await client.request<CodeAction>('codeAction/resolve', group);
    const edits = editsOf(resolved.edit!, uri);
    assert.equal(edits.length, 175);
    assert.ok(edits.every((e) => e.newText === '0'));
  });

  it('an action for an older version resolves to nothing; a diagnostic of an older version offers nothing', async () => {
    const uri = 'file:///ca/stale.txt';
    client.open(uri, allBlank);
    const d = (await client.waitPushed(uri, 1)).diagnostics.find((x) => x.code === 'table-cell-blank')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const group = actions.find((a) => a.data && !a.edit)!;
    const v = client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
    await client.waitPushed(uri, v);
    const resolved = await client.request<CodeAction>('codeAction/resolve', group);
    assert.equal(resolved.edit, undefined, 'edits built for a text that is gone');
    const stale = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    assert.deepEqual(stale.filter((a) => a.kind === 'quickfix'), []);
  });

  it('a request with 20,000 diagnostics gets a bounded reply', async () => {
    const uri = 'file:///ca/blanks.txt';
    const d = (await client.waitPushed(uri, 1)).diagnostics.find((x) => x.code === 'table-cell-blank')!;
    const many = new Array<Diagnostic>(20_000).fill(d);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: many, only: ['quickfix'] } });
    assert.ok(actions.length <= 201, `${actions.length} actions`);
    assert.ok(bytes(actions) < 500_000, `the reply is ${bytes(actions)} bytes`);
  });

  it('source.fixAll comes without its edit and resolves to the safe fixes only', async () => {
    const s = seed('002');
    const uri = 'file:///ca/002-fixall.txt';
    client.open(uri, s.text);
    await client.waitPushed(uri, 1);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.edit, undefined);
    const resolved = await client.request<CodeAction>('codeAction/resolve', actions[0]);
    assert.equal(applyTextEdits(s.text, editsOf(resolved.edit!, uri)), fixAll(s.text, { locale: 'zh' }));
  });

  it('skeletons: a quick fix and "all of this kind"; suggestions: one at a time, never "all of this kind"', async () => {
    const text = seed('002').text;
    const uri = 'file:///ca/002-kinds.txt';
    client.open(uri, text);
    const ds = (await client.waitPushed(uri, 1)).diagnostics;
    const sum = ds.find((x) => x.code === 'sum-balance' || x.code === 'sum-row-total')!;
    const forSum = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: sum.range, context: { diagnostics: [sum] } });
    assert.ok(!forSum.some((a) => a.kind === 'quickfix' && /所有/.test(a.title)), forSum.map((a) => a.title).join(' | '));
    const missing = ds.find((x) => x.code === 'section-missing')!;
    const forMissing = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: missing.range, context: { diagnostics: [missing] } });
    const skeleton = forMissing.find((a) => a.edit && a.isPreferred)!;
    assert.match(skeleton.title, /插入“六、其他需要报告的事项”/);
    assert.ok(editsOf(skeleton.edit!, uri).some((e) => e.newText.includes('（待填写：')));
    // Seed 004 without its sections 五 and 六: both inserted at once, each with its placeholder.
    const cut = seed('004').text;
    const short = cut.slice(0, cut.search(/^五、/m));
    const uri2 = 'file:///ca/004-short.txt';
    client.open(uri2, short);
    const two = (await client.waitPushed(uri2, 1)).diagnostics.filter((x) => x.code === 'section-missing');
    assert.equal(two.length, 2);
    const acts = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri2 }, range: two[0]!.range, context: { diagnostics: [two[0]!] } });
    const all = acts.find((a) => /为本文档中所有.*插入待填写的结构（2 处）/.test(a.title))!;
    assert.ok(all, acts.map((a) => a.title).join(' | '));
    const built = all.edit ?? (await client.request<CodeAction>('codeAction/resolve', all)).edit!;
    const filled = applyTextEdits(short, editsOf(built, uri2));
    assert.match(filled, /五、存在的主要问题及改进情况\s+（待填写：[^）]+）\s+六、其他需要报告的事项\s+（待填写：[^）]+）/);
  });
});

describe('protocol: Apply all automatic fixes (govreport.fixAll)', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient({ pull: true });
    await client.initialize();
  });
  after(() => client.shutdown());

  it('applies the safe fixes and answers what it changed and what is left for a person', async () => {
    const s = seed('002');
    const uri = 'file:///fa/002.txt';
    client.open(uri, s.text);
    await client.pullDiagnostics(uri);
    const r = await client.request<FixAllResult>('workspace/executeCommand', { command: 'govreport.fixAll', arguments: [{ uri }] });
    assert.equal(r.applied, true);
    assert.deepEqual(r.fixed, { 'section-numbering': 3, 'conversion-debris': 9 });
    assert.deepEqual(r.left.map((l) => `${l.code}:${l.kinds.join('+')}`).sort(), ['section-missing:skeleton', 'sum-row-total:suggestion']);
    assert.equal(r.leftCount, 2);
    assert.equal(r.errors, 5);
    const edit = client.applied.at(-1)!.edit;
    assert.equal(applyTextEdits(s.text, editsOf(edit, uri)), fixAll(s.text, { locale: 'zh' }));
  });

  it('on seed 001 it changes nothing and lists the three skeletons left', async () => {
    const s = seed('001');
    const uri = 'file:///fa/001.txt';
    client.open(uri, s.text);
    await client.pullDiagnostics(uri);
    const before = client.applied.length;
    const r = await client.request<FixAllResult>('workspace/executeCommand', { command: 'govreport.fixAll', arguments: [{ uri }] });
    assert.equal(r.applied, false);
    assert.deepEqual(r.fixed, {});
    assert.deepEqual(r.left.map((l) => l.code).sort(), ['fee-statement-missing', 'section-missing', 'table-row-missing']);
    assert.equal(client.applied.length, before, 'an edit was sent');
  });
});
