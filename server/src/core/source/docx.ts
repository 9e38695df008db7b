/**
 * .docx (Word and WPS): word/document.xml read directly. Paragraphs become lines; tables keep their cells,
 * with `w:gridSpan` (merged across) and `w:vMerge` (merged down) turned into spans of a grid. Headers,
 * footers, footnotes, deleted text and field codes are not the report's text and are left out.
 */
import { type RawCell, type RawTable, joinPieces, ViewBuilder } from './view';
import type { SourceLimits, SourceView } from './types';
import { walk } from './xml';

interface CellState extends RawCell {
  pieces: string[];
  vMerge?: 'restart' | 'continue';
}
interface RowState {
  cells: CellState[];
  gridBefore: number;
}
interface TableState {
  rows: RowState[];
}

/** The unzipped document.xml of a .docx, or the reason it cannot be had. */
export async function documentXml(bytes: Uint8Array, limits: SourceLimits): Promise<string | { problem: 'damaged' | 'too-large'; detail?: string }> {
  const { unzipSync } = await import('fflate');
  let tooLarge = false;
  let entries = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (++entries > limits.maxZipEntries) throw new Error(`more than ${limits.maxZipEntries} entries`);
        if (f.name !== 'word/document.xml' && f.name !== 'word/document2.xml') return false;
        if (f.originalSize > limits.maxXmlBytes) {
          tooLarge = true;
          return false;
        }
        return true;
      },
    });
  } catch (err) {
    return { problem: 'damaged', detail: (err as Error).message };
  }
  const xml = files['word/document.xml'] ?? files['word/document2.xml'];
  if (!xml) return tooLarge ? { problem: 'too-large' } : { problem: 'damaged', detail: 'no word/document.xml' };
  try {
    return new TextDecoder('utf-8', { fatal: false }).decode(xml);
  } catch (err) {
    return { problem: 'damaged', detail: (err as Error).message };
  }
}

const attr = (a: Record<string, string>, name: string): string | undefined => a[`w:${name}`] ?? a[name];
const intAttr = (a: Record<string, string>, fallback: number): number => {
  const n = parseInt(attr(a, 'val') ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

/** Reads a document.xml into a text view. */
export async function readDocumentXml(xml: string, limits: SourceLimits): Promise<SourceView> {
  const view = new ViewBuilder('docx', limits.maxViewChars);
  /** Paragraph texts being built (a text box inside a paragraph opens another). */
  const paras: string[] = [];
  const tables: TableState[] = [];
  let inText = 0;
  /** Inside properties (w:pPr holds w:tabs/w:tab stops, not tabs), or a fallback copy of drawn content. */
  let skip = 0;
  const cell = (): CellState | undefined => {
    // The outermost table's cell: a table inside a cell adds its text to that cell.
    const t = tables[0];
    const row = t?.rows[t.rows.length - 1];
    return row?.cells[row.cells.length - 1];
  };
  const add = (s: string) => {
    if (paras.length > 0) paras[paras.length - 1] += s;
  };

  await walk(xml, {
    open(name, a) {
      if (skip > 0) {
        if (name === 'w:pPr' || name === 'w:rPr' || name === 'mc:Fallback' || name === 'w:sectPr') skip++;
        return;
      }
      switch (name) {
        case 'w:pPr': case 'w:rPr': case 'mc:Fallback': case 'w:sectPr':
          skip++;
          return;
        case 'w:p':
          paras.push('');
          return;
        case 'w:t':
          inText++;
          return;
        case 'w:tab': case 'w:ptab':
          add(tables.length ? ' ' : '\t');
          return;
        case 'w:br': case 'w:cr':
          add(tables.length ? ' ' : '\n');
          return;
        case 'w:noBreakHyphen':
          add('-');
          return;
        case 'w:tbl':
          if (tables.length < limits.maxDepth) tables.push({ rows: [] });
          return;
        case 'w:tr': {
          const t = tables[tables.length - 1];
          if (t && tables.length === 1) t.rows.push({ cells: [], gridBefore: 0 });
          return;
        }
        case 'w:gridBefore': {
          const t = tables[tables.length - 1];
          const row = t?.rows[t.rows.length - 1];
          if (row && tables.length === 1) row.gridBefore = intAttr(a, 0);
          return;
        }
        case 'w:tc': {
          const t = tables[tables.length - 1];
          const row = t?.rows[t.rows.length - 1];
          if (row && tables.length === 1) row.cells.push({ text: '', pieces: [], rowSpan: 1, colSpan: 1 });
          return;
        }
        case 'w:gridSpan': {
          const c = tables.length === 1 ? cell() : undefined;
          if (c) c.colSpan = intAttr(a, 1);
          return;
        }
        case 'w:vMerge': {
          const c = tables.length === 1 ? cell() : undefined;
          if (c) c.vMerge = attr(a, 'val') === 'restart' ? 'restart' : 'continue';
          return;
        }
      }
    },
    close(name) {
      if (skip > 0) {
        if (name === 'w:pPr' || name === 'w:rPr' || name === 'mc:Fallback' || name === 'w:sectPr') skip--;
        return;
      }
      switch (name) {
        case 'w:t':
          inText = Math.max(0, inText - 1);
          return;
        case 'w:p': {
          const text = paras.pop() ?? '';
          if (tables.length > 0) cell()?.pieces.push(text);
          else if (text.trim()) view.paragraph(text);
          else view.blank();
          return;
        }
        case 'w:tc': {
          const c = tables.length === 1 ? cell() : undefined;
          if (c) c.text = joinPieces(c.pieces);
          return;
        }
        case 'w:tbl': {
          const t = tables.pop();
          if (t && tables.length === 0) view.table(toRaw(t));
          return;
        }
      }
    },
    text(s) {
      if (inText > 0 && skip === 0) add(s);
    },
  }, true);
  if (view.full) view.problems.push({ kind: 'too-large', limit: limits.maxViewChars });
  return view.finish();
}

/** Turns `w:vMerge` continuations into row spans of the cell they continue, dropping them from their rows. */
function toRaw(t: TableState): RawTable {
  /** The restart cell above, per grid column. */
  const open = new Map<number, CellState>();
  const rows: RawTable['rows'] = [];
  for (const row of t.rows) {
    let col = row.gridBefore;
    const cells: RawCell[] = [];
    for (const c of row.cells) {
      const above = open.get(col);
      if (c.vMerge === 'continue' && above) {
        above.rowSpan++;
      } else {
        const own: CellState = { ...c, rowSpan: 1 };
        cells.push(own);
        for (let j = 0; j < c.colSpan; j++) open.delete(col + j);
        if (c.vMerge === 'restart') open.set(col, own);
        // A continuation with nothing above it is an ordinary cell.
      }
      col += c.colSpan;
    }
    rows.push({ cells, gridBefore: row.gridBefore });
  }
  return { rows };
}
