/**
 * .pdf with a text layer (pdf.js, legacy build, loaded on first use). Each page's text runs and ruling lines
 * are read: where ruling lines frame a table, its cells are the rectangles they draw (a cell merged across or
 * down is one rectangle), and the runs inside a cell — a label broken over two lines included — are its text.
 * Text outside tables becomes lines by their y, a paragraph wrapped at the right margin is joined again, and
 * page numbers and running headers and footers are dropped. A table continued on the next page (the same
 * columns) is joined to the one before. No text at all: a scanned PDF.
 */
import type { PdfJs } from './pdfjs';
import type { SourceEnv, SourceLimits, SourceView } from './types';
import { baselines, GEOMETRY, type PageTable, type PdfCell, type Run, VALUE } from './pdf-parts';
import { positionalTables } from './pdf-positions';
import { labelKey, normalize } from '../text/normalize';
import { joinPieces, type RawTable, ViewBuilder } from './view';

const PAGE_NUMBER = /^\s*(?:[-—–－―]\s*\d{1,4}\s*[-—–－―]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}(?:\s*\/\s*\d{1,4})?|·\s*\d{1,4}\s*·|[-—]?\s*[ivxlc]{1,6}\s*[-—]?)\s*$/i;

/** A line that starts like a heading (一、 （二） 3. ) begins a paragraph of its own. */
const HEADING_START = /^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|\d{1,2}\s*[、.．](?!\d))/;

interface Seg {
  /** The fixed coordinate (y of a horizontal rule, x of a vertical one). */
  at: number;
  from: number;
  to: number;
}

interface PageLine {
  top: number;
  text: string;
  left: number;
  right: number;
  size: number;
}

type Matrix = [number, number, number, number, number, number];
const mul = (m: Matrix, n: number[]): Matrix => [
  m[0] * n[0]! + m[2] * n[1]!, m[1] * n[0]! + m[3] * n[1]!,
  m[0] * n[2]! + m[2] * n[3]!, m[1] * n[2]! + m[3] * n[3]!,
  m[0] * n[4]! + m[2] * n[5]! + m[4], m[1] * n[4]! + m[3] * n[5]! + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** The ruling lines a page draws, as horizontal and vertical segments in page space. */
function rulesOf(ops: { fnArray: number[]; argsArray: unknown[][] }, OPS: Record<string, number>): { h: Seg[]; v: Seg[] } {
  const h: Seg[] = [];
  const v: Seg[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  type Path = { lines: [number, number, number, number][]; rects: [number, number, number, number][] };
  let pending = null as Path | null;
  const addLine = (x1: number, y1: number, x2: number, y2: number) => {
    if (Math.abs(y1 - y2) < 0.5 && Math.abs(x1 - x2) >= 1) h.push({ at: (y1 + y2) / 2, from: Math.min(x1, x2), to: Math.max(x1, x2) });
    else if (Math.abs(x1 - x2) < 0.5 && Math.abs(y1 - y2) >= 1) v.push({ at: (x1 + x2) / 2, from: Math.min(y1, y2), to: Math.max(y1, y2) });
  };
  const paint = (stroked: boolean) => {
    if (!pending) return;
    for (const [x1, y1, x2, y2] of pending.lines) if (stroked) addLine(x1, y1, x2, y2);
    for (const [x1, y1, x2, y2] of pending.rects) {
      const w = Math.abs(x2 - x1);
      const hh = Math.abs(y2 - y1);
      if (stroked) {
        addLine(x1, y1, x2, y1); addLine(x1, y2, x2, y2); addLine(x1, y1, x1, y2); addLine(x2, y1, x2, y2);
      } else if (hh < GEOMETRY.ruleThickness && w >= 1) addLine(x1, (y1 + y2) / 2, x2, (y1 + y2) / 2);
      else if (w < GEOMETRY.ruleThickness && hh >= 1) addLine((x1 + x2) / 2, y1, (x1 + x2) / 2, y2);
    }
    pending = null;
  };
  const { fnArray, argsArray } = ops;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[];
    switch (fn) {
      case OPS.save: stack.push(ctm); break;
      case OPS.restore: ctm = stack.pop() ?? ctm; break;
      case OPS.transform: ctm = mul(ctm, args as number[]); break;
      case OPS.paintFormXObjectBegin: {
        stack.push(ctm);
        const m = args[0] as number[] | null;
        if (Array.isArray(m) && m.length === 6) ctm = mul(ctm, m);
        break;
      }
      case OPS.paintFormXObjectEnd: ctm = stack.pop() ?? ctm; break;
      case OPS.constructPath: {
        const sub = args[0] as number[];
        const co = args[1] as number[];
        const p: Path = pending ?? { lines: [], rects: [] };
        let j = 0;
        let cx = 0;
        let cy = 0;
        let sx = 0;
        let sy = 0;
        for (const op of sub) {
          if (op === OPS.rectangle) {
            const [x, y, w, hh] = [co[j]!, co[j + 1]!, co[j + 2]!, co[j + 3]!];
            j += 4;
            const [ax, ay] = apply(ctm, x, y);
            const [bx, by] = apply(ctm, x + w, y + hh);
            p.rects.push([Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)]);
            [cx, cy] = [ax, ay];
          } else if (op === OPS.moveTo) {
            [cx, cy] = apply(ctm, co[j]!, co[j + 1]!);
            [sx, sy] = [cx, cy];
            j += 2;
          } else if (op === OPS.lineTo) {
            const [nx, ny] = apply(ctm, co[j]!, co[j + 1]!);
            j += 2;
            p.lines.push([cx, cy, nx, ny]);
            [cx, cy] = [nx, ny];
          } else if (op === OPS.curveTo) {
            [cx, cy] = apply(ctm, co[j + 4]!, co[j + 5]!);
            j += 6;
          } else if (op === OPS.curveTo2 || op === OPS.curveTo3) {
            [cx, cy] = apply(ctm, co[j + 2]!, co[j + 3]!);
            j += 4;
          } else if (op === OPS.closePath) {
            p.lines.push([cx, cy, sx, sy]);
            [cx, cy] = [sx, sy];
          }
        }
        pending = p;
        break;
      }
      case OPS.stroke: case OPS.closeStroke: case OPS.fillStroke: case OPS.eoFillStroke:
      case OPS.closeFillStroke: case OPS.closeEOFillStroke:
        paint(true);
        break;
      case OPS.fill: case OPS.eoFill:
        paint(false);
        break;
      case OPS.endPath:
        pending = null;
        break;
    }
  }
  return { h: mergeSegs(h), v: mergeSegs(v) };
}

/** Collinear segments that touch become one. */
function mergeSegs(segs: Seg[]): Seg[] {
  segs.sort((a, b) => a.at - b.at);
  const out: Seg[] = [];
  // Segments on one line (positions within half a snap), then along it: overlapping or touching ones joined.
  for (let i = 0; i < segs.length;) {
    let j = i + 1;
    while (j < segs.length && segs[j]!.at - segs[j - 1]!.at <= GEOMETRY.snap / 2) j++;
    const line = segs.slice(i, j).sort((a, b) => a.from - b.from);
    let cur: Seg | null = null;
    for (const s of line) {
      if (cur && s.from <= cur.to + GEOMETRY.snap) cur.to = Math.max(cur.to, s.to);
      else out.push((cur = { ...s }));
    }
    i = j;
  }
  return out;
}

/** Distinct values, those within `snap` of each other taken as one. */
function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (out.length === 0 || v - out[out.length - 1]! > GEOMETRY.snap) out.push(v);
  return out;
}

const covers = (segs: Seg[], at: number, pos: number): boolean =>
  segs.some((s) => Math.abs(s.at - at) <= GEOMETRY.snap && s.from - GEOMETRY.snap <= pos && pos <= s.to + GEOMETRY.snap);

/** Groups of rules that touch each other: one group a table. */
function tableFrames(h: Seg[], v: Seg[]): { h: Seg[]; v: Seg[] }[] {
  const n = h.length + v.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const t = GEOMETRY.snap;
  for (let i = 0; i < h.length; i++) {
    for (let j = 0; j < v.length; j++) {
      const a = h[i]!;
      const b = v[j]!;
      if (b.at >= a.from - t && b.at <= a.to + t && a.at >= b.from - t && a.at <= b.to + t) parent[find(i)] = find(h.length + j);
    }
  }
  const groups = new Map<number, { h: Seg[]; v: Seg[] }>();
  for (let i = 0; i < n; i++) {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    if (i < h.length) g.h.push(h[i]!);
    else g.v.push(v[i - h.length]!);
    groups.set(find(i), g);
  }
  return [...groups.values()].filter((g) => g.h.length >= 2 && g.v.length >= 2);
}

/** A ruled table's cells, with the runs inside each; the runs used are removed from `runs`. */
function readFrame(frame: { h: Seg[]; v: Seg[] }, runs: Run[], page: number): PageTable | null {
  const ys = cluster(frame.h.map((s) => s.at)).reverse(); // top first
  const xs = cluster(frame.v.map((s) => s.at));
  if (ys.length < 2 || xs.length < 2) return null;
  const R = ys.length - 1;
  const C = xs.length - 1;
  const id = (r: number, c: number) => r * C + c;
  const parent = Array.from({ length: R * C }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let r = 0; r < R; r++) {
    const ymid = (ys[r]! + ys[r + 1]!) / 2;
    for (let c = 0; c < C; c++) {
      const xmid = (xs[c]! + xs[c + 1]!) / 2;
      if (c + 1 < C && !covers(frame.v, xs[c + 1]!, ymid)) parent[find(id(r, c + 1))] = find(id(r, c));
      if (r + 1 < R && !covers(frame.h, ys[r + 1]!, xmid)) parent[find(id(r + 1, c))] = find(id(r, c));
    }
  }
  const boxes = new Map<number, { r0: number; c0: number; r1: number; c1: number; runs: Run[] }>();
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const k = find(id(r, c));
      const b = boxes.get(k);
      if (!b) boxes.set(k, { r0: r, c0: c, r1: r, c1: c, runs: [] });
      else {
        b.r0 = Math.min(b.r0, r); b.c0 = Math.min(b.c0, c); b.r1 = Math.max(b.r1, r); b.c1 = Math.max(b.c1, c);
      }
    }
  }
  const top = ys[0]!;
  const bottom = ys[R]!;
  const used = new Set<Run>();
  for (const run of runs) {
    const cx = run.x + run.w / 2;
    const cy = run.y + run.size * 0.3;
    if (cy > top || cy < bottom || cx < xs[0]! || cx > xs[C]!) continue;
    let r = 0;
    while (r < R - 1 && cy < ys[r + 1]!) r++;
    let c = 0;
    while (c < C - 1 && cx > xs[c + 1]!) c++;
    boxes.get(find(id(r, c)))!.runs.push(run);
    used.add(run);
  }
  for (let i = runs.length - 1; i >= 0; i--) if (used.has(runs[i]!)) runs.splice(i, 1);
  const rows: RawTable['rows'] = Array.from({ length: R }, () => ({ cells: [], page }));
  const ordered = [...boxes.values()].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  for (const b of ordered) {
    const lines = toLines(runsOf(b.runs));
    const cell: PdfCell = { text: joinPieces(lines.map((l) => l.text)), rowSpan: b.r1 - b.r0 + 1, colSpan: b.c1 - b.c0 + 1, column: b.c0, x0: xs[b.c0]!, x1: xs[b.c1 + 1]! };
    rows[b.r0]!.cells.push(cell);
  }
  // Rows that only continue merged cells have no cells of their own; keep them (the grid needs them).
  return { top, bottom, xs, raw: { rows } };
}

/** Runs grouped into lines by baseline, each line's runs joined left to right. */
function toLines(runs: Run[], cellGaps = false): PageLine[] {
  return baselines(runs).map((l) => {
    let text = '';
    let end = -Infinity;
    for (const run of l) {
      const gap = run.x - end;
      // A cell's gap; before a number a smaller one will do (a label, then its value, in a table drawn tight).
      const cellGap = (VALUE.test(run.text.trim()) && !VALUE.test(l[l.indexOf(run) - 1]?.text.trim() ?? '') ? GEOMETRY.valueGap : GEOMETRY.cellGap) * run.size;
      if (text && gap > cellGap && cellGaps) text += '\t';
      else if (text && gap > GEOMETRY.joinGap * run.size && !/[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]$/.test(text) && !/^[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(run.text)) text += ' ';
      text += run.text;
      end = Math.max(end, run.x + run.w);
    }
    const size = Math.max(...l.map((r) => r.size));
    return { top: Math.max(...l.map((r) => r.y)) + size, text: text.replace(/ +$/, ''), left: l[0]!.x, right: end, size };
  });
}

/** A page's text items, in page space. */
function itemsOf(items: { str?: string; transform?: number[]; width?: number; height?: number }[]): Run[] {
  const raw: Run[] = [];
  for (const it of items) {
    if (typeof it.str !== 'string' || !it.transform) continue;
    const t = it.transform;
    const size = Math.hypot(t[2]!, t[3]!) || it.height || 10;
    if (it.str.trim() === '') continue;
    raw.push({ text: it.str, x: t[4]!, y: t[5]!, w: it.width ?? 0, size });
  }
  return raw;
}

/** Items of one line joined into runs. */
function runsOf(raw: Run[]): Run[] {
  // Items of one word split by the producer: the next starts where the last ended, on the same baseline.
  const out: Run[] = [];
  for (const r of raw) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.y - r.y) < 0.2 * r.size && r.x >= last.x && r.x - (last.x + last.w) < GEOMETRY.joinGap * r.size) {
      last.text += r.text;
      last.w = r.x + r.w - last.x;
    } else out.push({ ...r });
  }
  return out;
}

/**
 * Text that did not decode: private-use characters (a font's own codes, no Unicode behind them), U+FFFD and
 * control characters. Past this share of a PDF's characters, the text is not the report's.
 */
const UNDECODABLE_SHARE = 0.2;
const UNDECODED = /[\u0000-\u0008\u000e-\u001f\ue000-\uf8ff\ufffd]/gu;
/** CMap names as pdf.js asks for them (a PDF names them: nothing else reaches the host). */
const CMAP_NAME = /^[A-Za-z0-9-]{1,64}$/;

/** pdf.js's reader of the predefined CMaps, over the host's (a class: pdf.js constructs it); notes what is missing. */
function cmapReader(env: SourceEnv, missing: Set<string>) {
  return class {
    async fetch({ name }: { name: string }): Promise<{ cMapData: Uint8Array; isCompressed: boolean }> {
      const data = CMAP_NAME.test(name) ? await env.readCMap?.(name) : undefined;
      if (!data) {
        missing.add(name);
        throw new Error(`CMap ${name} is not available`);
      }
      return { cMapData: data, isCompressed: true };
    }
  };
}

/**
 * The `ownerDocument` pdf.js loads fonts into, for drawing: one that keeps nothing (as a font face rule in a
 * style sheet, the way pdf.js loads fonts where the Font Loading API is missing, as in Node).
 */
const NO_DOCUMENT = {
  createElement: () => ({ sheet: { cssRules: [], insertRule: () => 0 }, remove: () => undefined }),
  documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
};

export async function readPdf(bytes: Uint8Array, limits: SourceLimits, env: SourceEnv = {}): Promise<SourceView> {
  const view = new ViewBuilder('pdf', limits.maxViewChars);
  const missingCMaps = new Set<string>();
  // Its own bundle (dist/pdfjs.js), loaded when the first PDF is opened; required, not imported: an import of
  // a CommonJS bundle scans all of its 3 MB for export names first.
  const pdfjs: PdfJs = await (require('./pdfjs.js') as typeof import('./pdfjs.js')).loadPdfJs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0, stopAtErrors: false, disableAutoFetch: true,
    // Nothing is drawn: fonts go to a document that keeps none. (With disableFontFace, pdf.js would trace the
    // outline of every glyph shown, for drawing text as paths: a third of the time of reading a page.)
    disableFontFace: false, ownerDocument: NO_DOCUMENT,
    // Fonts not embedded are known through their CMaps: the host's bundled ones, read when a PDF needs them.
    CMapReaderFactory: cmapReader(env, missingCMaps), useWorkerFetch: false,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    const name = (err as { name?: string })?.name;
    if (name === 'PasswordException') return { ...view.finish(), problems: [{ kind: 'encrypted' }] };
    return { ...view.finish(), problems: [{ kind: 'damaged', detail: (err as Error)?.message ?? String(err) }] };
  }
  try {
    const pages = doc.numPages;
    if (pages > limits.maxPdfPages) return { ...view.finish({ pages }), problems: [{ kind: 'too-many-pages', count: pages, limit: limits.maxPdfPages }] };
    const t0 = Date.now();
    const perPage: { tables: PageTable[]; lines: PageLine[]; height: number }[] = [];
    let chars = 0;
    let undecoded = 0;
    for (let p = 1; p <= pages; p++) {
      if (Date.now() - t0 > limits.maxPdfMs) {
        view.problems.push({ kind: 'timeout', count: p - 1, limit: limits.maxPdfMs });
        break;
      }
      const page = await doc.getPage(p);
      const [content, ops] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
      const height = page.view[3]! - page.view[1]!;
      const items = itemsOf(content.items as { str?: string; transform?: number[]; width?: number }[]);
      for (const r of items) {
        const t = r.text.replace(/\s+/g, '');
        chars += t.length;
        undecoded += t.match(UNDECODED)?.length ?? 0;
      }
      const { h, v } = rulesOf(ops as { fnArray: number[]; argsArray: unknown[][] }, pdfjs.OPS as unknown as Record<string, number>);
      const tables: PageTable[] = [];
      for (const frame of tableFrames(h, v)) {
        // Items, not joined runs, go to cells: digits of narrow columns sit closer than a word's gap.
        const t = readFrame(frame, items, p);
        if (t && t.raw.rows.some((r) => r.cells.some((c) => c.text))) tables.push(t);
      }
      // Tables drawn without rules: from the positions of what is left.
      tables.push(...positionalTables(items, p));
      perPage.push({ tables, lines: toLines(runsOf(items), true), height });
      page.cleanup();
    }
    // No text, or text that is not characters: the fonts' CMaps were missing, or the PDF is a scan.
    const cmaps = [...missingCMaps].sort().join(', ');
    if ((chars === 0 && missingCMaps.size > 0) || (chars > 0 && undecoded > UNDECODABLE_SHARE * chars)) {
      return { ...view.finish({ pages }), problems: [{ kind: 'undecodable', count: pages, ...(cmaps ? { detail: cmaps } : {}) }] };
    }
    if (chars === 0) return { ...view.finish({ pages }), problems: [{ kind: 'scanned', count: pages }] };
    write(view, perPage);
    if (view.full) view.problems.push({ kind: 'too-large', limit: limits.maxViewChars });
    return view.finish({ pages });
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/** Lines seen in the margins of most pages: running headers and footers. */
function runningLines(perPage: { lines: PageLine[]; height: number }[]): Set<string> {
  const counts = new Map<string, number>();
  for (const pg of perPage) {
    const seen = new Set<string>();
    for (const l of pg.lines) {
      if (!inMargin(l, pg.height)) continue;
      const key = l.text.replace(/\d+/g, '#').trim();
      if (!seen.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
      seen.add(key);
    }
  }
  const out = new Set<string>();
  if (perPage.length < 3) return out;
  for (const [k, n] of counts) if (n >= Math.max(3, perPage.length / 2)) out.add(k);
  return out;
}

function inMargin(l: PageLine, height: number): boolean {
  return l.top > height * (1 - GEOMETRY.margin) || l.top - l.size < height * GEOMETRY.margin;
}

/** Writes the pages in reading order: tables and lines by their top, tables continued across pages joined. */
function write(view: ViewBuilder, perPage: { tables: PageTable[]; lines: PageLine[]; height: number }[]): void {
  const running = runningLines(perPage);
  type Block = { page: number; table: PageTable } | { page: number; line: PageLine; right: number; left: number };
  const blocks: Block[] = [];
  // The text block's right margin, the same on every page: most full lines reach it (a few overflow, a URL
  // or a long number). A page of a few lines (the last) would otherwise take its longest line for it.
  const rights = perPage.flatMap((pg) => pg.lines).filter((l) => l.text.length >= 10).map((l) => l.right).sort((a, b) => a - b);
  const right = rights.length ? rights[Math.floor(rights.length * 0.75)]! : Infinity;
  perPage.forEach((pg, i) => {
    const page = i + 1;
    const lines = pg.lines.filter((l) => !(inMargin(l, pg.height) && (PAGE_NUMBER.test(l.text) || running.has(l.text.replace(/\d+/g, '#').trim()))));
    const left = Math.min(Infinity, ...lines.map((l) => l.left));
    const here: ({ top: number; b: Block })[] = [
      ...pg.tables.map((t) => ({ top: t.top, b: { page, table: t } as Block })),
      ...lines.map((l) => ({ top: l.top, b: { page, line: l, right, left } as Block })),
    ];
    here.sort((a, b) => b.top - a.top);
    for (const { b } of here) {
      const prev = blocks[blocks.length - 1];
      // The first thing on a page, a table with the columns of the table that ended the last page: its rest.
      if ('table' in b && prev && 'table' in prev && prev.page === page - 1 && sameColumns(prev.table.xs, b.table.xs)) {
        joinTables(prev.table, b.table);
        prev.page = page;
        continue;
      }
      blocks.push(b);
    }
  });
  let para: { line: PageLine; page: number } | null = null;
  const flush = () => {
    if (para) view.paragraph(para.line.text, para.page);
    para = null;
  };
  for (const b of blocks) {
    if ('table' in b) {
      flush();
      view.table(b.table.raw);
      continue;
    }
    const l = b.line;
    const p = para as { line: PageLine; page: number } | null;
    // A line that reached the right margin continues on the next line unless that one is indented.
    if (p && p.page === b.page && !p.line.text.includes('\t') && !l.text.includes('\t') && p.line.right >= b.right - 1.5 * p.line.size
      && l.left <= b.left + 0.5 * l.size && Math.abs(p.line.size - l.size) < 0.15 * p.line.size && !HEADING_START.test(l.text)) {
      para = { page: p.page, line: { ...p.line, text: joinPieces([p.line.text, l.text]), right: l.right } };
      continue;
    }
    flush();
    para = { line: l, page: b.page };
  }
  flush();
}

/** Same outer edges, and the column rules of one part are (nearly all) rules of the other. */
function sameColumns(a: number[], b: number[]): boolean {
  const near = (x: number, ys: number[]) => ys.some((y) => Math.abs(x - y) <= GEOMETRY.snap * 2);
  if (!near(a[0]!, [b[0]!]) || !near(a[a.length - 1]!, [b[b.length - 1]!])) return false;
  const [few, many] = a.length <= b.length ? [a, b] : [b, a];
  return few.filter((x) => near(x, many)).length >= 0.8 * few.length;
}

const rowKey = (r: RawTable['rows'][number]) => r.cells.map((c) => c.text).join('\t');
/** A cell of figures: digits (ASCII or full-width, as Chinese fonts print them), separators, a dash for none. */
const isValueCell = (t: string) => /^[\d０-９.,%．，％\s/—－-]*$/.test(t);

/** The column of `xs` nearest to `x`. */
function columnAt(xs: number[], x: number): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (Math.abs(xs[i]! - x) < Math.abs(xs[best]! - x)) best = i;
  return best;
}

const DIGITS = /^\s*[0-9０-９]+\s*$/;
/** Whether a cell begins a row's own label, with its numbering (一、 （一） 1.); the rest of one broken by a page does not. */
const numbered = (text: string) => labelKey(normalize(text.trim())).numbering !== '';

/**
 * Whether the first row on the next page is the rest of the last row on the page before, broken by the page:
 * every cell of it lies in a column where that row has text, none begins a row's own label, and it holds no
 * values or only a few (the rest of a number wrapped in its cell), fewer than half the values of the row it
 * continues — a row of its own has its label and all its values.
 */
function continuesRow(first: PdfCell[], last: PdfCell[], xs: number[]): boolean {
  const lastValues = last.filter((c) => c.text && isValueCell(c.text)).length;
  if (lastValues === 0) return false;
  const filled = new Set(last.filter((c) => c.text).map((c) => columnAt(xs, c.x0)));
  let values = 0;
  for (const c of first) {
    if (!c.text) continue;
    if (!filled.has(columnAt(xs, c.x0))) return false;
    if (isValueCell(c.text)) values++;
    else if (numbered(c.text)) return false;
  }
  return values === 0 || 2 * values < lastValues;
}

/**
 * Joins the part of a table continued on the next page, laid on the first part's columns: a header row
 * repeated there is dropped, and a row broken by the page (the rest of its labels, no values) is joined to
 * the row it continues.
 */
function joinTables(prev: PageTable, next: PageTable): void {
  const rows = next.raw.rows.map((r) => {
    const cells = r.cells as PdfCell[];
    const gridBefore = cells.length ? columnAt(prev.xs, cells[0]!.x0) : 0;
    return {
      ...r,
      gridBefore,
      cells: cells.map((c) => ({ ...c, colSpan: Math.max(1, columnAt(prev.xs, c.x1) - columnAt(prev.xs, c.x0)) })),
    };
  });
  let k = 0;
  while (k < rows.length && k < prev.raw.rows.length && rowKey(rows[k]!) && rowKey(rows[k]!) === rowKey(prev.raw.rows[k]!)) k++;
  while (k < rows.length && rows[k]!.cells.every((c) => !c.text)) k++;
  const first = rows[k];
  const last = prev.raw.rows[prev.raw.rows.length - 1];
  if (first && last && continuesRow(first.cells as PdfCell[], last.cells as PdfCell[], prev.xs)) {
    const at = new Map((last.cells as PdfCell[]).map((c) => [columnAt(prev.xs, c.x0), c]));
    for (const c of first.cells as PdfCell[]) {
      const into = at.get(columnAt(prev.xs, c.x0));
      if (!c.text || !into) continue;
      // A number wrapped in its narrow cell and broken by the page (２ | １): its digits, joined as they were.
      into.text = DIGITS.test(into.text) && DIGITS.test(c.text) ? into.text.trim() + c.text.trim() : joinPieces([into.text, c.text]);
    }
    k++;
  }
  prev.raw.rows.push(...rows.slice(k));
  next.xs = prev.xs;
}
