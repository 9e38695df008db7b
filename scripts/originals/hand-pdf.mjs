// PDFs written by hand, for fixtures no office program makes: text in a Chinese font that is not embedded
// (only named, as PDFs made by older tools and some printers drivers do: the reader needs the font's CMaps to
// know which characters the codes are), tables with or without ruling lines. A report's text is laid out on
// A4 pages: a paragraph a line (wrapped at the margin), a tab-separated line a table row (its fields in
// columns, a label too long for its column broken over lines inside the row).
import { execFileSync } from 'node:child_process';

const PAGE = { width: 595, height: 842, margin: 56 };
const SIZE = 10.5;
const LEADING = 1.7;
/** Columns are as wide as their widest text, within these bounds (points, before fitting the page). */
const MIN_COLUMN = 24;
const MAX_COLUMN = 200;

/**
 * Character width in em: Latin glyphs are half as wide as the ideographs (in Adobe-GB1, CIDs 1–95 by
 * UniGB-UCS2-H, 814–939 and 7712–7806 by GBK-EUC-H: the font's /W says so).
 */
const em = (ch) => (ch.charCodeAt(0) < 0x7f ? 0.5 : 1);
const widthOf = (s) => [...s].reduce((w, ch) => w + em(ch) * SIZE, 0);

/**
 * Breaks `text` into lines no wider than `width`, as a word processor does with Chinese text: between any two
 * ideographs, but not inside a Latin word or a number (a word wider than the line is broken anyway).
 */
function wrap(text, width) {
  const out = [];
  let cur = '';
  for (const word of text.match(/[!-~]+|[^!-~]/g) ?? []) {
    if (cur && widthOf(cur + word) > width) {
      out.push(cur.replace(/ +$/, ''));
      cur = '';
    }
    if (word === ' ' && !cur) continue;
    for (const ch of word) {
      if (cur && widthOf(cur + ch) > width) {
        out.push(cur);
        cur = '';
      }
      cur += ch;
    }
  }
  if (cur || out.length === 0) out.push(cur);
  return out;
}

/** Codes of a string in the font's encoding, as a PDF hex string. */
function encoder(encoding) {
  if (encoding === 'UniGB-UCS2-H') {
    return (s) => `<${[...s].map((ch) => ch.charCodeAt(0).toString(16).padStart(4, '0')).join('')}>`;
  }
  if (encoding === 'GBK-EUC-H') {
    // GBK: one byte for ASCII, two for the rest (iconv, as the tools that write such PDFs encode).
    return (s) => `<${execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: s }).toString('hex')}>`;
  }
  throw new Error(`no encoder for ${encoding}`);
}

/** Lays out a report's text: per page, text items and ruling lines. */
function layout(text, { rules }) {
  const pages = [];
  let page;
  let y = 0;
  const newPage = () => {
    page = { texts: [], lines: [] };
    pages.push(page);
    y = PAGE.height - PAGE.margin;
  };
  newPage();
  const lineHeight = SIZE * LEADING;
  const right = PAGE.width - PAGE.margin;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!l.includes('\t')) {
      const pieces = l.trim() ? wrap(l.trim(), right - PAGE.margin) : [];
      if (pieces.length === 0) y -= lineHeight / 2;
      for (const p of pieces) {
        if (y - lineHeight < PAGE.margin) newPage();
        y -= lineHeight;
        page.texts.push({ x: PAGE.margin, y, text: p });
      }
      continue;
    }
    // A table: this line and the tab-separated lines after it.
    const rows = [];
    while (i < lines.length && lines[i].includes('\t')) rows.push(lines[i++].split('\t').map((c) => c.trim()));
    i--;
    // Column widths as a word processor's automatic layout makes them: by the widest text of each column
    // (a label column wide, a number column narrow), scaled to the text block.
    const cols = Math.max(...rows.map((r) => r.length));
    const natural = Array.from({ length: cols }, (_, c) => Math.min(MAX_COLUMN, Math.max(MIN_COLUMN, ...rows.map((r) => widthOf(r[c] ?? '') + 8))));
    const scale = (right - PAGE.margin) / natural.reduce((a, b) => a + b, 0);
    const xs = [PAGE.margin];
    for (const w of natural) xs.push(xs[xs.length - 1] + w * scale);
    const pad = 3;
    let top = null;
    for (const r of rows) {
      const cells = r.map((c, k) => wrap(c, xs[k + 1] - xs[k] - 2 * pad));
      const h = Math.max(...cells.map((c) => c.length)) * lineHeight + pad;
      if (y - h < PAGE.margin) {
        if (rules && top !== null) for (const x of xs) page.lines.push([x, top, x, y]);
        newPage();
        top = null;
      }
      if (top === null) {
        top = y;
        if (rules) page.lines.push([xs[0], y, xs[cols], y]);
      }
      cells.forEach((pieces, k) => pieces.forEach((p, j) => {
        if (p) page.texts.push({ x: xs[k] + pad, y: y - (j + 1) * lineHeight + pad, text: p });
      }));
      y -= h;
      if (rules) page.lines.push([xs[0], y, xs[cols], y]);
    }
    if (rules && top !== null) for (const x of xs) page.lines.push([x, top, x, y]);
    y -= lineHeight / 2;
  }
  return pages;
}

/**
 * A report's text as a PDF whose font is named, not embedded: a Type0 font over the CID font STSong-Light
 * (Adobe-GB1), with the encoding CMap `encoding` (UniGB-UCS2-H: UCS-2 codes; GBK-EUC-H: GBK bytes) and no
 * ToUnicode map, so the text is known only through the CMaps. `rules`: draw the tables' ruling lines.
 */
export function cjkPdf(text, { encoding = 'UniGB-UCS2-H', rules = true } = {}) {
  const enc = encoder(encoding);
  const pages = layout(text, { rules });
  const objs = [];
  const add = (o) => objs.push(o);
  const catalog = add('');
  const pagesObj = add('');
  // The font program is not there: the descriptor has no FontFile, and there is no ToUnicode.
  const descriptor = add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>');
  const cidFont = add(`<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ${descriptor} 0 R /DW 1000 /W [1 95 500 814 939 500 7712 7806 500] >>`);
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /${encoding} /DescendantFonts [${cidFont} 0 R] >>`);
  const kids = [];
  for (const p of pages) {
    let content = '';
    for (const [x1, y1, x2, y2] of p.lines) content += `${x1.toFixed(2)} ${y1.toFixed(2)} m ${x2.toFixed(2)} ${y2.toFixed(2)} l S\n`;
    content += 'BT\n';
    for (const t of p.texts) content += `/F1 ${SIZE} Tf 1 0 0 1 ${t.x.toFixed(2)} ${t.y.toFixed(2)} Tm ${enc(t.text)} Tj\n`;
    content += 'ET\n';
    const stream = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  objs[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objs[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  return serialize(objs);
}

/** Objects (1-based, in order) as a PDF file with its cross-reference table. */
export function serialize(objs) {
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = objs.map((o, i) => {
    const at = Buffer.byteLength(pdf, 'latin1');
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
