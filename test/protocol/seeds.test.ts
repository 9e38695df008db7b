/**
 * The real server over stdio, on every seed: diagnostics equal the fixtures' expectations (pulled and
 * pushed), the outline lists exactly the sections the report has, folding and hover work, and every quick
 * fix removes its finding and changes nothing outside its edit.
 */
import { SECTION_KIND } from '../../server/src/server/features/symbols';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, DocumentSymbol, FoldingRange, Hover } from 'vscode-languageserver-protocol';
import { CHINESE_NUMERALS } from '../../server/src/core/format/spec';
import { loadFixtures } from '../helpers/fixtures';
import { applyTextEdits, editsOf, rangeText, TestClient } from '../helpers/lsp-client';

const seeds = loadFixtures().filter((f) => f.name.startsWith('seeds/'));
const uriOf = (name: string) => `file:///seeds/${name.replace(/^seeds\//, '')}`;
const codesLines = (ds: Diagnostic[]) => ds.map((d) => `${d.code}@${d.range.start.line + 1}`).sort();

describe('protocol: seeds', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient({ pull: true });
    await client.initialize();
    for (const s of seeds) client.open(uriOf(s.name), s.text);
  });
  after(() => client.shutdown());

  it('announces pull diagnostics, symbols, folding, hover and code actions', () => {
    const caps = client.initResult!.capabilities;
    assert.ok(caps.diagnosticProvider);
    assert.ok(caps.documentSymbolProvider);
    assert.ok(caps.foldingRangeProvider);
    assert.ok(caps.hoverProvider);
    assert.ok(caps.codeActionProvider);
  });

  for (const s of seeds) {
    describe(s.name, () => {
      const uri = uriOf(s.name);
      it('pulls the expected diagnostics', async () => {
        const ds = await client.pullDiagnostics(uri);
        assert.deepEqual(codesLines(ds), s.expected.diagnostics.map(([c, l]) => `${c}@${l}`).sort());
        for (const d of ds) {
          assert.equal(d.source, 'govreport');
          assert.match(String(d.codeDescription?.href), /docs\/checks\/[a-z-]+\.md$/);
          const message = typeof d.message === "string" ? d.message : d.message.value;
          assert.ok(!/^[a-z-]+$/.test(message), `message is not a bare code: ${message}`);
        }
      });

      it('lists exactly the sections the report has', async () => {
        const syms = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
        const numbers = (s.expected.model?.sections as number[]) ?? [];
        assert.deepEqual(syms.filter((x) => x.kind === SECTION_KIND).map((x) => x.name.slice(0, 2)), numbers.map((n) => `${CHINESE_NUMERALS[n]}、`));
        for (const sym of syms) {
          const sel = sym.selectionRange;
          assert.ok(sel.start.line >= sym.range.start.line && sel.end.line <= sym.range.end.line, `${sym.name}: selection inside range`);
        }
        // Tables are children of their sections.
        const tables = syms.flatMap((x) => x.children ?? []).filter((c) => c.kind === 23);
        assert.ok(tables.length >= 1, 'tables appear in the outline');
      });

      it('folds sections and tables', async () => {
        const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
        const sections = (s.expected.model?.sections as number[]).length;
        assert.ok(ranges.length >= sections, `${ranges.length} folding ranges`);
      });

      it('applies every quick fix: the finding goes, nothing outside the edit changes', async () => {
        const ds = await client.pullDiagnostics(uri);
        const kindsOf = (d: Diagnostic) => (d.data as { fixes?: string[] })?.fixes ?? [];
        const fixable = ds.filter((d) => kindsOf(d).length > 0);
        assert.ok(fixable.length > 0, 'every seed has something fixable');
        for (const d of fixable) {
          const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] },
          });
          // Its first fix: preferred when safe or skeleton; a suggestion only when one correction repairs several
          // sums (otherwise any cell of the failed sum may be the wrong one).
          const fix = actions.find((a) => a.edit && a.diagnostics?.length === 1);
          assert.ok(fix?.edit, `${d.code}@${d.range.start.line + 1}: a fix`);
          const pinned = (((d.data as { facts?: { also?: unknown[] } }).facts?.also) ?? []).length > 0;
          assert.equal(!!fix.isPreferred, kindsOf(d)[0] !== 'suggestion' || pinned, `${d.code}@${d.range.start.line + 1}: preferred unless an unpinned suggestion`);
          const edits = editsOf(fix.edit, uri);
          const fixed = applyTextEdits(s.text, edits);
          // Nothing outside the edits changed: the text before the first edit and after the last is identical.
          const first = Math.min(...edits.map((e) => e.range.start.line));
          const last = Math.max(...edits.map((e) => e.range.end.line));
          const a = s.text.split('\n');
          const b = fixed.split('\n');
          assert.deepEqual(b.slice(0, first), a.slice(0, first), `${d.code}: lines before the edit unchanged`);
          const tail = a.length - last - 1;
          assert.deepEqual(b.slice(b.length - tail), a.slice(a.length - tail), `${d.code}: lines after the edit unchanged`);
          // Re-check the fixed text in a fresh document: the finding is gone.
          const furi = `${uri}.fixed-${d.code}-${d.range.start.line}`;
          client.open(furi, fixed);
          const after = await client.pullDiagnostics(furi);
          client.close(furi);
          const same = after.filter((x) => x.code === d.code && rangeText(fixed, x.range) === rangeText(s.text, d.range) && x.range.start.line === d.range.start.line);
          assert.equal(same.length, 0, `${d.code}@${d.range.start.line + 1} still reported after its fix:\n${after.map((x) => `${x.code}@${x.range.start.line + 1} ${x.message}`).join('\n')}`);
          assert.ok(after.filter((x) => x.code === d.code).length < ds.filter((x) => x.code === d.code).length, `${d.code}: one fewer`);
        }
      });
    });
  }

  it('hovers a total with its sum filled in', async () => {
    const uri = uriOf('seeds/002_d5b91211e5e67ae1.txt');
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 124, character: 1 } });
    const text = (h.contents as unknown as { value: string }).value;
    assert.match(text, /一、本年新收政府信息公开申请数量/);
    assert.match(text, /总计/);
    assert.match(text, /自然人 8/);
    assert.match(text, /✗/);
  });
});

describe('protocol: pushed diagnostics (clients without pull)', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient({ pull: false });
    const init = await client.initialize();
    assert.equal(init.capabilities.diagnosticProvider, undefined);
  });
  after(() => client.shutdown());

  for (const s of seeds) {
    it(`pushes the expected diagnostics for ${s.name}`, async () => {
      const uri = uriOf(s.name);
      client.open(uri, s.text);
      const p = await client.waitPushed(uri, 1);
      assert.deepEqual(codesLines(p.diagnostics), s.expected.diagnostics.map(([c, l]) => `${c}@${l}`).sort());
    });
  }
});
