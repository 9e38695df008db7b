/**
 * The eval corpus (eval/reports) stays what its generator makes, and its truth is arithmetic a reviewer would
 * sign: every sum holds except the ones planted broken, and each planted error breaks what it says. The
 * scores of `npm run eval` are only as good as this truth.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, it } from 'node:test';
import { ROOT } from '../helpers/fixtures';

const CORPUS = path.join(ROOT, 'eval', 'reports');
const load = (rel: string) => import(pathToFileURL(path.join(ROOT, 'scripts', 'eval', rel)).href);

type Cell = number | string | null;
interface Truth {
  id: string;
  layout: '2019' | '2021';
  planted: { kind: string; table: string; row: string; column: string }[];
  tables: {
    requests: { rowsPresent: string[]; totalColumn: boolean; values: Record<string, Cell[]> };
    appeals?: { values: number[] };
  };
}
const folders = existsSync(CORPUS) ? readdirSync(CORPUS).filter((d) => existsSync(path.join(CORPUS, d, 'truth.json'))).sort() : [];
const truthOf = (id: string) => JSON.parse(readFileSync(path.join(CORPUS, id, 'truth.json'), 'utf8')) as Truth;
const n = (v: Cell) => (typeof v === 'number' ? v : null);

describe('the eval corpus', () => {
  let gen: { PLAN: unknown[]; makeTruth: (e: unknown, i: number) => Truth & { prose: unknown } };
  let render: { TEXT_SHAPES: string[]; renderText: (t: unknown, s: string) => string; shapeExt: (s: string) => string };
  before(async () => {
    gen = await load('truth.mjs');
    render = await load('render-text.mjs');
  });

  it('has a folder per plan entry, each with every shape and its originals', () => {
    assert.equal(folders.length, gen.PLAN.length);
    for (const id of folders) {
      const files = readdirSync(path.join(CORPUS, id));
      for (const s of render.TEXT_SHAPES) assert.ok(files.includes(`${s}.${render.shapeExt(s)}`), `${id}: ${s}`);
      for (const f of ['pdf-layout.txt', 'pdf-plain.txt', 'web-oneline.txt', 'original.docx']) assert.ok(files.includes(f), `${id}: ${f}`);
      assert.ok(files.some((f) => /^original\.html?$/.test(f)), `${id}: original.html`);
    }
  });

  it('is what the generator makes now: truth and the hand-written shapes (node scripts/eval/make.mjs remakes it)', () => {
    gen.PLAN.forEach((entry, i) => {
      const t = gen.makeTruth(entry, i);
      assert.ok(folders.includes(t.id), t.id);
      const { prose, ...rest } = t as Truth & { prose: { planted: unknown; headings: unknown } };
      const committed = truthOf(t.id) as unknown as Record<string, unknown>;
      assert.deepEqual({ ...committed, prose: undefined }, { ...rest, prose: undefined }, t.id);
      assert.deepEqual((committed.prose as { planted: unknown }).planted, prose.planted, `${t.id}: prose`);
      for (const s of render.TEXT_SHAPES) {
        const file = path.join(CORPUS, t.id, `${s}.${render.shapeExt(s)}`);
        assert.equal(readFileSync(file, 'utf8'), render.renderText(t, s), path.relative(ROOT, file));
      }
    });
  });

  it('has every sum holding except where an error was planted, and each planted sum error breaks a sum', () => {
    for (const id of folders) {
      const t = truthOf(id);
      const v = t.tables.requests.values;
      const rows = t.tables.requests.rowsPresent;
      const broken = new Set<string>();
      const cols = t.tables.requests.totalColumn ? 7 : 6;
      const results = rows.filter((r) => !['new', 'carriedIn', 'total', 'carriedOut'].includes(r));
      for (let c = 0; c < cols; c++) {
        const col = (r: string) => n(v[r]![c]!);
        if (rows.includes('total') && results.every((r) => col(r) !== null) && col('total') !== null
          && results.reduce((a, r) => a + col(r)!, 0) !== col('total')) broken.add(`R2:${c}`);
        const r1 = ['new', 'carriedIn', 'total', 'carriedOut'].map(col);
        if (rows.includes('carriedOut') && r1.every((x) => x !== null) && r1[0]! + r1[1]! !== r1[2]! + r1[3]!) broken.add(`R1:${c}`);
      }
      if (cols === 7) {
        for (const r of rows) {
          const cells = v[r]!.slice(0, 7).map(n);
          if (cells.every((x) => x !== null) && cells.slice(0, 6).reduce((a, b) => a! + b!, 0) !== cells[6]) broken.add(`R3:${r}`);
        }
      }
      const t4 = t.tables.appeals?.values ?? [];
      for (let g = 0; g < t4.length; g += 5) if (t4[g]! + t4[g + 1]! + t4[g + 2]! + t4[g + 3]! !== t4[g + 4]) broken.add(`R5:${g / 5}`);
      const sumPlants = t.planted.filter((p) => p.kind.startsWith('sum-'));
      if (!sumPlants.length) assert.deepEqual([...broken], [], `${id}: sums broken without a planted error`);
      for (const p of sumPlants) {
        const hit = p.table === 'appeals' ? [...broken].some((b) => b.startsWith('R5'))
          : [...broken].some((b) => b === `R3:${p.row}` || b.startsWith('R1') || b.startsWith('R2'));
        assert.ok(hit, `${id}: ${p.kind} breaks nothing`);
      }
    }
  });
});
