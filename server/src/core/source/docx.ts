/**
 * .docx (Word and WPS): word/document.xml read directly. Paragraphs become lines; tables keep their cells,
 * with `w:gridSpan` (merged across) and `w:vMerge` (merged down) turned into spans of a grid (the cells'
 * own spans: `w:tblGrid`, often missing or stale, is not needed). A table holding tables, or a one-column
 * frame around the report, is layout: its contents are read as if it were not there (blocks.ts).
 * Word's automatic list numbers (一、 （一） 1.) are written before their paragraphs, as Word draws them
 * (docx-numbering.ts). Not the report's text, and left out: hidden text (`w:vanish`: a template's
 * instructions), headers, footers, footnotes, properties, field codes, tracked
 * deletions (`w:del`, `w:moveFrom`, rows and cells marked deleted; insertions are kept, as Word shows them),
 * the old properties a tracked change keeps (`w:tcPrChange`…, which hold stale spans), and the prompt of a
 * content control never filled (`w:showingPlcHdr`): a paragraph gets a visible （待填写） instead, which
 * placeholder-unfilled flags; a table cell stays blank.
 */
import { type Block, type CellNode, emitTable, type RowNode, type TableNode } from './blocks';
import { ViewBuilder } from './view';
import type { SourceLimits, SourceView } from './types';
import { Numbering } from './docx-numbering';
import { walk } from './xml';

interface CellState extends CellNode {
  vMerge?: 'restart' | 'continue';
  deleted?: boolean;
}
interface RowState extends RowNode {
  cells: CellState[];
  deleted?: boolean;
}
interface TableState extends TableNode {
  rows: RowState[];
}

/** Elements whose whole content is skipped: properties, a fallback copy of drawn content, tracked deletions
 *  and the old properties tracked changes keep. */
const SKIPPED = new Set([
  'w:rPr', 'mc:Fallback', 'w:sectPr', 'w:del', 'w:moveFrom', 'w:tabs', 'w:pPrChange',
  'w:tcPrChange', 'w:trPrChange', 'w:tblPrChange', 'w:tblGridChange', 'w:tblPrExChange', 'w:sdtEndPr',
]);

/** What an unfilled content control shows in a paragraph: a placeholder placeholder-unfilled flags. */
const UNFILLED_CONTROL = '（待填写）';

/** The parts of a .docx the reader needs: the document, and its list numbering and styles when it has them. */
export interface DocxParts {
  document: string;
  numbering?: string;
  styles?: string;
}
const DOCUMENT_PARTS = ['word/document.xml', 'word/document2.xml'];
const NUMBERING_PART = 'word/numbering.xml';
const STYLES_PART = 'word/styles.xml';

/** The unzipped parts of a .docx, or the reason they cannot be had. */
export async function docxParts(bytes: Uint8Array, limits: SourceLimits): Promise<DocxParts | { problem: 'damaged' | 'too-large'; detail?: string }> {
  const { unzipSync } = await import('fflate');
  let tooLarge = false;
  let entries = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (++entries > limits.maxZipEntries) throw new Error(`more than ${limits.maxZipEntries} entries`);
        if (!DOCUMENT_PARTS.includes(f.name) && f.name !== NUMBERING_PART && f.name !== STYLES_PART) return false;
        if (f.originalSize > limits.maxXmlBytes) {
          // Numbering and styles over the limit are left out; the document over it cannot be read.
          if (DOCUMENT_PARTS.includes(f.name)) tooLarge = true;
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
  const decode = (b: Uint8Array | undefined) => (b ? new TextDecoder('utf-8', { fatal: false }).decode(b) : undefined);
  const numbering = decode(files[NUMBERING_PART]);
  const styles = decode(files[STYLES_PART]);
  return { document: decode(xml)!, ...(numbering ? { numbering } : {}), ...(styles ? { styles } : {}) };
}

const attr = (a: Record<string, string>, name: string): string | undefined => a[`w:${name}`] ?? a[name];
const intAttr = (a: Record<string, string>, fallback: number): number => {
  const n = parseInt(attr(a, 'val') ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

/** Reads a document.xml (with its numbering and styles, for the numbers Word draws) into a text view. */
export async function readDocumentXml(xml: string, limits: SourceLimits, parts: Omit<DocxParts, 'document'> = {}): Promise<SourceView> {
  const view = new ViewBuilder('docx', limits.maxViewChars);
  const numbering = await Numbering.read(parts.numbering, parts.styles);
  /** The paragraph properties that choose its list number: style, list, level (innermost paragraph last). */
  const pProps: { style?: string; numId?: string; ilvl?: number }[] = [];
  let inPPr = 0;
  /** Paragraph texts being built (a text box inside a paragraph opens another). */
  const paras: string[] = [];
  /** Tables being read, innermost last; tables nested past the depth limit are read as their parent's text. */
  const tables: TableState[] = [];
  let tooDeep = 0;
  let inText = 0;
  let skip = 0;
  let inTrPr = 0;
  /** Inside a run, its properties being read, and whether they hide it. */
  let inRun = 0;
  let runProps = false;
  let hidden = false;
  let inTcPr = 0;
  /** Content controls open, and whether each shows its prompt (never filled). */
  const controls: { unfilled: boolean }[] = [];
  let unfilled = 0;
  const row = (): RowState | undefined => {
    const t = tables[tables.length - 1];
    return t?.rows[t.rows.length - 1];
  };
  const cell = (): CellState | undefined => {
    const r = row();
    return r?.cells[r.cells.length - 1];
  };
  /** Blocks go into the innermost table's current cell, or straight to the view. */
  const put = (block: Block) => {
    const c = cell();
    if (tables.length > 0) {
      if (c) c.blocks.push(block);
      return;
    }
    if (block.kind === 'table') emitTable(view, block.table);
    else if (block.kind === 'image') view.image();
    else if (block.text.trim()) view.paragraph(block.text);
    else view.blank();
  };
  const add = (s: string) => {
    if (paras.length > 0) paras[paras.length - 1] += s;
  };
  /** A row, cell or span of a table this reader follows (not one nested past the limit). */
  const own = () => tables.length > 0 && tooDeep === 0;

  await walk(xml, {
    open(name, a) {
      if (skip > 0) {
        // Hidden text (w:vanish in a run's own properties): not shown, not printed, not read.
        if (runProps && skip === 1 && name === 'w:vanish' && !/^(false|0|off)$/.test(attr(a, 'val') ?? '')) hidden = true;
        if (SKIPPED.has(name)) skip++;
        return;
      }
      if (name === 'w:rPr' && inRun > 0 && inPPr === 0) runProps = true;
      // A row or cell marked deleted by tracked changes (in its properties, before the skipped w:del).
      if (name === 'w:del' && inTrPr > 0) {
        const r = own() ? row() : undefined;
        if (r) r.deleted = true;
      }
      if (SKIPPED.has(name)) {
        skip++;
        return;
      }
      // A paragraph's properties: only what chooses its list number is read.
      if (inPPr > 0) {
        const p = pProps[pProps.length - 1];
        if (p && name === 'w:pStyle') p.style = attr(a, 'val');
        else if (p && name === 'w:numId') p.numId = attr(a, 'val');
        else if (p && name === 'w:ilvl') p.ilvl = parseInt(attr(a, 'val') ?? '', 10) || 0;
        if (name === 'w:pPr') inPPr++;
        return;
      }
      switch (name) {
        case 'w:pPr':
          inPPr++;
          return;
        case 'w:p':
          paras.push('');
          pProps.push({});
          return;
        case 'w:r':
          inRun++;
          hidden = false;
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
        // A picture (DrawingML's image, or VML's in an old file; the VML copy of a drawing is mc:Fallback).
        case 'a:blip': case 'v:imagedata':
          if (!hidden) put({ kind: 'image' });
          return;
        case 'w:sdt':
          controls.push({ unfilled: false });
          return;
        case 'w:showingPlcHdr': {
          const c = controls[controls.length - 1];
          if (c && attr(a, 'val') !== 'false' && attr(a, 'val') !== '0') c.unfilled = true;
          return;
        }
        case 'w:sdtContent':
          if (controls[controls.length - 1]?.unfilled) unfilled++;
          return;
        case 'w:tbl':
          if (tables.length < limits.maxDepth && tooDeep === 0) {
            const parent = tables[tables.length - 1];
            if (parent) parent.nested = true;
            tables.push({ rows: [], nested: false });
          } else tooDeep++;
          return;
        case 'w:trPr':
          inTrPr++;
          return;
        case 'w:tcPr':
          inTcPr++;
          return;
        case 'w:tr':
          if (own()) tables[tables.length - 1]!.rows.push({ cells: [], gridBefore: 0 });
          return;
        case 'w:gridBefore': {
          const r = own() ? row() : undefined;
          if (r && inTrPr > 0) r.gridBefore = intAttr(a, 0);
          return;
        }
        case 'w:tc': {
          const r = own() ? row() : undefined;
          if (r) r.cells.push({ blocks: [], rowSpan: 1, colSpan: 1 });
          return;
        }
        case 'w:gridSpan': {
          const c = own() && inTcPr > 0 ? cell() : undefined;
          if (c) c.colSpan = intAttr(a, 1);
          return;
        }
        case 'w:vMerge': {
          const c = own() && inTcPr > 0 ? cell() : undefined;
          if (c) c.vMerge = attr(a, 'val') === 'restart' ? 'restart' : 'continue';
          return;
        }
        case 'w:cellDel': {
          const c = own() && inTcPr > 0 ? cell() : undefined;
          if (c) c.deleted = true;
          return;
        }
      }
    },
    close(name) {
      if (skip > 0) {
        if (SKIPPED.has(name)) skip--;
        if (skip === 0) runProps = false;
        return;
      }
      if (inPPr > 0) {
        if (name === 'w:pPr') inPPr--;
        return;
      }
      switch (name) {
        case 'w:r':
          inRun = Math.max(0, inRun - 1);
          hidden = false;
          return;
        case 'w:t':
          inText = Math.max(0, inText - 1);
          return;
        case 'w:trPr':
          inTrPr = Math.max(0, inTrPr - 1);
          return;
        case 'w:tcPr':
          inTcPr = Math.max(0, inTcPr - 1);
          return;
        case 'w:sdtContent': {
          if (!controls[controls.length - 1]?.unfilled || unfilled === 0) return;
          unfilled--;
          // Inline (inside a paragraph) or a block of its own; in a table the cell stays blank.
          if (tables.length > 0) return;
          if (paras.length > 0) add(UNFILLED_CONTROL);
          else view.paragraph(UNFILLED_CONTROL);
          return;
        }
        case 'w:sdt':
          controls.pop();
          return;
        case 'w:p': {
          const text = paras.pop() ?? '';
          const p = pProps.pop();
          // The number Word draws before a paragraph of a list (一、, （一）, 1.), as the clerk sees it.
          const label = numbering && p ? numbering.next(p.numId, p.ilvl, p.style) : '';
          put({ kind: 'para', text: label + text });
          return;
        }
        case 'w:tbl': {
          if (tooDeep > 0) {
            tooDeep--;
            return;
          }
          const t = tables.pop();
          if (t) put({ kind: 'table', table: resolveMerges(t) });
          return;
        }
      }
    },
    text(s) {
      if (inText > 0 && skip === 0 && unfilled === 0 && !hidden) add(s);
    },
  }, true);
  if (view.full) view.problems.push({ kind: 'too-large', limit: limits.maxViewChars });
  return view.finish();
}

/**
 * Drops rows and cells deleted by tracked changes, and turns `w:vMerge` continuations into row spans of the
 * cell they continue (the cell above in the same grid column), dropping them from their rows.
 */
function resolveMerges(t: TableState): TableNode {
  /** The restart cell above, per grid column. */
  const open = new Map<number, CellNode>();
  const rows: RowNode[] = [];
  for (const r of t.rows) {
    if (r.deleted) continue;
    let col = r.gridBefore ?? 0;
    const cells: CellNode[] = [];
    for (const c of r.cells) {
      if (c.deleted) continue;
      const above = open.get(col);
      if (c.vMerge === 'continue' && above) {
        above.rowSpan++;
      } else {
        const cellNode: CellNode = { blocks: c.blocks, colSpan: c.colSpan, rowSpan: 1 };
        cells.push(cellNode);
        for (let j = 0; j < c.colSpan; j++) open.delete(col + j);
        if (c.vMerge === 'restart') open.set(col, cellNode);
        // A continuation with nothing above it is an ordinary cell.
      }
      col += c.colSpan;
    }
    rows.push({ cells, ...(r.gridBefore ? { gridBefore: r.gridBefore } : {}) });
  }
  return { rows, nested: t.nested };
}
