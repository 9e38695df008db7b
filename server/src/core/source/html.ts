/**
 * .html/.htm pages as agencies publish them: any character set (the `<meta charset>`, else sniffed: UTF-8
 * when the bytes are valid UTF-8, else GB18030, which covers GBK and GB2312), paragraphs as lines, and
 * tables with rowspan/colspan expanded into a grid. What the page hides (display:none) is not read. Layout
 * tables (a page's frame, a table holding other tables) are not data: their cells' contents are read in order
 * as paragraphs.
 */
import { type Block, type CellNode as BlockCell, emitTable, type TableNode } from './blocks';
import { ViewBuilder } from './view';
import type { SourceLimits, SourceView } from './types';
import { walk } from './xml';

/** Bytes of the page's start searched for a `<meta charset>`. */
const META_PROBE_BYTES = 4096;

const SKIP = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'title', 'iframe', 'object', 'select', 'textarea', 'button']);
const BLOCK = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'section', 'article', 'header', 'footer',
  'nav', 'aside', 'blockquote', 'pre', 'hr', 'center', 'form', 'main', 'figure', 'figcaption', 'address', 'caption', 'body', 'html',
]);

/** An element the page hides (`hidden`, `display:none`): share buttons, a copy for printing, metadata. */
const HIDDEN_STYLE = /(?:^|;)\s*display\s*:\s*none\b/i;
const isHidden = (a: Record<string, string>): boolean => 'hidden' in a || (a.style !== undefined && HIDDEN_STYLE.test(a.style));

/** Pixels under which a picture is an icon, a bullet or a tracking pixel, not a table or a page. */
const ICON_PX = 48;
const isIcon = (a: Record<string, string>): boolean => [a.width, a.height].some((v) => v !== undefined && parseInt(v, 10) < ICON_PX);

/** Which decoder label a declared charset means. */
function decoderLabel(declared: string): string | undefined {
  const c = declared.toLowerCase();
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn|hz-gb-2312)$/.test(c)) return 'gb18030';
  try {
    return new TextDecoder(c).encoding;
  } catch {
    return undefined;
  }
}

/** Decodes a page's bytes: a BOM, then valid UTF-8, then the declared charset, then GB18030. */
export function decodeHtml(bytes: Uint8Array): { text: string; charset: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), charset: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), charset: 'utf-16be' };
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, META_PROBE_BYTES));
  const m = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head);
  const declared = m ? decoderLabel(m[1]!) : undefined;
  // A page declared GB2312 but saved as UTF-8 (common) reads right only as UTF-8: valid UTF-8 wins.
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
  } catch {
    // not UTF-8
  }
  const label = declared && declared !== 'utf-8' ? declared : 'gb18030';
  return { text: new TextDecoder(label).decode(bytes), charset: label };
}

interface CellNode extends BlockCell {
  /** Inline text not yet closed into a block. */
  line: string;
}
interface HtmlTable extends TableNode {
  /** Its text outside cells (its `before` blocks, and inline text not yet closed into one). */
  outside: { blocks: Block[]; line: string };
}

const spanOf = (v: string | undefined): number => {
  const n = parseInt(v ?? '', 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1000) : 1;
};

export async function readHtml(bytes: Uint8Array, limits: SourceLimits): Promise<SourceView> {
  const { text, charset } = decodeHtml(bytes);
  const view = new ViewBuilder('html', limits.maxViewChars);
  const tables: HtmlTable[] = [];
  let line = '';
  let skip = 0;
  let pre = 0;
  const cell = (): CellNode | undefined => {
    const t = tables[tables.length - 1];
    const row = t?.rows[t.rows.length - 1];
    return row?.cells[row.cells.length - 1] as CellNode | undefined;
  };
  /** Where a table's text outside its cells goes (a caption, text before the first cell): read before it. */
  const outside = () => tables[tables.length - 1]!.outside;
  /** Ends the current line of inline text: a paragraph (outside tables) or a piece of the cell. */
  const flush = () => {
    if (tables.length > 0) {
      const c = cell() ?? outside();
      if (c.line.trim()) c.blocks.push({ kind: 'para', text: c.line.trim() });
      c.line = '';
      return;
    }
    const t = line.trim();
    if (t) view.paragraph(t);
    line = '';
  };
  const emit = (block: Block) => {
    if (tables.length > 0) (cell() ?? outside()).blocks.push(block);
    else if (block.kind === 'para') view.paragraph(block.text);
    else if (block.kind === 'image') view.image();
    else emitTable(view, block.table);
  };

  await walk(text, {
    open(name, a) {
      if (skip > 0 || SKIP.has(name) || isHidden(a)) {
        skip++;
        return;
      }
      if (name === 'pre') pre++;
      if (name === 'table') {
        flush();
        const t = tables[tables.length - 1];
        if (t) t.nested = true;
        if (tables.length < limits.maxDepth) {
          const outside = { blocks: [], line: '' };
          tables.push({ rows: [], nested: false, before: outside.blocks, outside });
        }
        return;
      }
      const t = tables[tables.length - 1];
      if (name === 'tr') {
        if (t) t.rows.push({ cells: [] });
        return;
      }
      if (name === 'td' || name === 'th') {
        if (t) {
          if (t.rows.length === 0) t.rows.push({ cells: [] });
          const c: CellNode = { rowSpan: spanOf(a.rowspan), colSpan: spanOf(a.colspan), blocks: [], line: '' };
          t.rows[t.rows.length - 1]!.cells.push(c);
        }
        return;
      }
      if (name === 'br') {
        flush();
        return;
      }
      if (name === 'img') {
        if (!isIcon(a)) {
          flush();
          emit({ kind: 'image' });
        }
        return;
      }
      if (BLOCK.has(name)) flush();
    },
    close(name) {
      if (skip > 0) {
        skip--;
        return;
      }
      if (name === 'pre') pre = Math.max(0, pre - 1);
      if (name === 'table') {
        flush();
        const t = tables.pop();
        if (t) emit({ kind: 'table', table: t });
        return;
      }
      if (name === 'td' || name === 'th' || name === 'tr' || BLOCK.has(name)) flush();
    },
    text(s) {
      if (skip > 0) return;
      const piece = pre ? s : s.replace(/[\s\u00a0]+/g, ' ');
      if (tables.length > 0) (cell() ?? outside()).line += piece; else if (pre && piece.includes('\n')) {
        const parts = piece.split(/\r?\n/);
        line += parts[0];
        for (const p of parts.slice(1)) {
          flush();
          line = p;
        }
      } else line += piece;
    },
  }, false);
  flush();
  while (tables.length) emit({ kind: 'table', table: tables.pop()! });
  if (view.full) view.problems.push({ kind: 'too-large', limit: limits.maxViewChars });
  return view.finish({ charset });
}
