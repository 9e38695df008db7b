// Makes the originals fixtures (fixtures/originals/): HTML pages with rowspan/colspan in UTF-8 and GBK, the
// .docx LibreOffice makes of them, PDFs made of those, a table split over two pages, a scanned-like PDF with
// no text layer, an encrypted PDF, a legacy .doc, the five seeds rendered to .docx and .pdf, a 6-page report
// in the official print size, and reports whose tables draw no ruling lines (as WPS and web-to-PDF tools do).
// Needs LibreOffice and qpdf (Debian: libreoffice-writer-nogui fonts-noto-cjk qpdf; installed here when
// missing and run as root). Usage: node scripts/originals/make-fixtures.mjs [NAME...] — every fixture, or only
// the makers named (the keys of MAKERS below), leaving the other fixtures as committed.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { cjkPdf, serialize } from './hand-pdf.mjs';
import { reportHtml } from './report-html.mjs';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const OUT = path.join(ROOT, 'fixtures', 'originals');
const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

if (!have('soffice') || !have('qpdf')) {
  if (process.getuid?.() !== 0) throw new Error('needs soffice and qpdf: apt-get install libreoffice-writer-nogui fonts-noto-cjk qpdf');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'libreoffice-writer-nogui', 'fonts-noto-cjk', 'qpdf'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}
execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', ROOT], { stdio: 'inherit' });

const work = mkdtempSync(path.join(os.tmpdir(), 'govreport-originals-'));
/** LibreOffice conversion into `dir`; returns the file made. */
const convert = (file, to, dir = work) => {
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${work}/lo-profile`, '--convert-to', to, '--outdir', dir, file], { stdio: 'ignore' });
  const made = path.join(dir, `${path.basename(file, path.extname(file))}.${to.split(':')[0]}`);
  if (!existsSync(made)) throw new Error(`soffice made no ${made}`);
  return made;
};
const put = (from, name) => copyFileSync(from, path.join(OUT, name));
mkdirSync(path.join(OUT, 'seeds'), { recursive: true });
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const seedNames = () => readdirSync(path.join(ROOT, 'fixtures/seeds')).filter((n) => n.endsWith('.txt'));
const { parseReport } = require(path.join(ROOT, 'out/server/src/core/service.js'));

/** The PDF of an HTML page, by way of the .docx LibreOffice makes of it (as a clerk's Word file would be). */
const viaDocx = (html) => convert(convert(html, 'docx:MS Word 2007 XML'), 'pdf');

/** An HTML page kept as the fixture, with the .docx LibreOffice makes of it and that .docx's PDF. */
function htmlDocxPdf(html, base) {
  put(html, path.basename(html));
  const docx = convert(html, 'docx:MS Word 2007 XML');
  put(docx, `${base}.docx`);
  put(convert(docx, 'pdf'), `${base}.pdf`);
}

/**
 * A seed report as an HTML page: its text, with each table-like run of tab-separated lines a table (a cell a
 * field), and for the one-cell-a-line seed the rows the checker read (label and cells as written). `border`
 * 0 draws no ruling lines; `style` is the body's CSS (a print size).
 */
function seedHtml(name, { border = 1, style = '' } = {}) {
  const text = readFileSync(path.join(ROOT, 'fixtures/seeds', name), 'utf8').replace(/^\uFEFF/, '').replace(/ ?\{\{[^}]*\}\}/g, '');
  const lines = text.split(/\r?\n/);
  const model = parseReport(text);
  const cellShaped = Object.values(model.tables).filter((t) => t.shape === 'cells');
  const skip = new Set();
  const tableAt = new Map();
  for (const t of cellShaped) {
    for (let i = t.range.start.line; i <= Math.min(t.range.end.line, lines.length - 1); i++) skip.add(i);
    const rows = [...t.rows.values()].sort((a, b) => a.range.start.line - b.range.start.line);
    tableAt.set(t.range.start.line, rows.map((r) => [r.label?.text ?? '', ...r.cells.filter((c) => c.state !== 'missing').map((c) => c.raw)]));
  }
  const table = `<table border="${border}" cellspacing="0" width="100%">\n`;
  let html = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body${style ? ` style="${style}"` : ''}>\n`;
  let open = false;
  const close = () => { if (open) html += '</table>\n'; open = false; };
  lines.forEach((l, i) => {
    if (tableAt.has(i)) {
      close();
      html += table + tableAt.get(i).map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>\n`).join('') + '</table>\n';
    }
    if (skip.has(i)) return;
    const cells = l.split('\t');
    if (cells.length > 1 && l.trim() && cells.slice(1).some((c) => c.trim())) {
      if (!open) html += table;
      open = true;
      html += `<tr>${cells.map((c) => `<td>${esc(c.trim())}</td>`).join('')}</tr>\n`;
      return;
    }
    close();
    const p = l.replace(/^#+\s*/, '').replace(/\*\*/g, '').trim();
    if (p) html += `<p>${esc(p)}</p>\n`;
  });
  close();
  const file = path.join(work, `${name.replace(/\.txt$/, '')}${border ? '' : '-borderless'}${style ? '-print' : ''}.html`);
  writeFileSync(file, html + '</body></html>\n');
  return file;
}

const MAKERS = {
  // A clean report, UTF-8, official merged header cells; LibreOffice's .docx of it, and its PDF.
  clean() {
    const clean = path.join(work, 'clean.html');
    writeFileSync(clean, reportHtml({}));
    htmlDocxPdf(clean, 'clean');
    // An encrypted PDF (an open password) and a legacy .doc of it.
    execFileSync('qpdf', ['--encrypt', 'secret', 'owner', '256', '--', path.join(OUT, 'clean.pdf'), path.join(OUT, 'encrypted.pdf')]);
    put(convert(clean, 'doc:MS Word 97'), 'legacy.doc');
  },
  // A planted sum error, in GBK: 总计 of 本年新收 is 5, its row sums to 4.
  'sum-error'() {
    const gbkHtml = reportHtml({ agency: '示例县民政局', charset: 'gbk', values: SUM_ERROR });
    const gbk = path.join(work, 'sum-error-gbk.html');
    writeFileSync(gbk, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: gbkHtml }));
    htmlDocxPdf(gbk, 'sum-error');
  },
  // A blank cell (部分公开, 商业企业), UTF-8.
  'blank-cell'() {
    const blank = path.join(work, 'blank-cell.htm');
    writeFileSync(blank, reportHtml({ agency: '示例镇人民政府', values: { partial: [0, null, 0, 0, 0, 0, 0] } }));
    htmlDocxPdf(blank, 'blank-cell');
  },
  // A table split over two pages: large print pushes 表三 across a page break.
  'split-table'() {
    const split = path.join(work, 'split-table.html');
    writeFileSync(split, reportHtml({ agency: '示例市统计局', fontSize: 15 }));
    put(viaDocx(split), 'split-table.pdf');
  },
  // A table continued over pages with its header rows repeated on each (Word's 重复标题行, <thead> here),
  // and a planted sum error on the rows past the first page break: 结转下年度's 总计 is 1, its row sums to 0.
  'repeated-header'() {
    const html = path.join(work, 'repeated-header.html');
    writeFileSync(html, reportHtml({ agency: '示例市统计局', fontSize: 15, thead: true, values: { carriedOut: [0, 0, 0, 0, 0, 0, 1] } }));
    put(viaDocx(html), 'repeated-header.pdf');
  },
  // A scanned-like PDF: a page that only draws (no text layer).
  scanned() {
    const drawing = '0.5 g 50 700 495 80 re f 0 g 60 650 m 535 650 l S 60 600 m 535 600 l S\n';
    writeFileSync(path.join(OUT, 'scanned.pdf'), serialize([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
      `<< /Length ${drawing.length} >>\nstream\n${drawing}endstream`,
    ]));
  },
  // The five seeds as .docx and .pdf.
  seeds() {
    for (const f of seedNames()) {
      const base = f.replace(/\.txt$/, '');
      const docx = convert(seedHtml(f), 'docx:MS Word 2007 XML');
      put(docx, `seeds/${base}.docx`);
      put(convert(docx, 'pdf'), `seeds/${base}.pdf`);
    }
  },
  // A real report in a large print size (四号, 14pt): seed 004 on 6 pages, the PDF the speed target is
  // measured on.
  'six-pages'() {
    put(viaDocx(seedHtml(seedNames().find((n) => n.startsWith('004')), { style: 'font-size:14pt' })), 'six-pages.pdf');
  },
  // Tables drawn without ruling lines: a report in the official layout (merged header cells) with a planted
  // sum error, and seed 004, both printed to PDF with border="0" tables.
  borderless() {
    const html = path.join(work, 'borderless.html');
    writeFileSync(html, reportHtml({ agency: '示例县民政局', values: SUM_ERROR, border: 0 }));
    put(viaDocx(html), 'borderless.pdf');
    put(viaDocx(seedHtml(seedNames().find((n) => n.startsWith('004')), { border: 0 })), 'seeds/004-borderless.pdf');
  },
  // A Chinese font named but not embedded, no ToUnicode: the text is known only through the CMaps of
  // Adobe-GB1 (UniGB-UCS2-H: UCS-2 codes; GBK-EUC-H: GBK bytes). Seed 004's text, written by hand.
  'not-embedded'() {
    const text = readFileSync(path.join(ROOT, 'fixtures/seeds', seedNames().find((n) => n.startsWith('004'))), 'utf8').replace(/ ?\{\{[^}]*\}\}/g, '').replace(/\*\*/g, '');
    writeFileSync(path.join(OUT, 'not-embedded-ucs2.pdf'), cjkPdf(text, { encoding: 'UniGB-UCS2-H' }));
    writeFileSync(path.join(OUT, 'not-embedded-gbk.pdf'), cjkPdf(text, { encoding: 'GBK-EUC-H', rules: false }));
  },
  // Rows broken by a page, as Word and LibreOffice let a row break: a report of the eval generator
  // (held-out seed 4242, report 8) whose T3 row （一）予以公开 and T4's data row straddle page breaks, each
  // with a number wrapped in its narrow cell (２ | １ on two pages: 21; １ | ２: 12), T4's header repeated.
  'row-broken-by-page'() {
    const dir = path.join(work, 'eval');
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/eval/make.mjs'), '--out', dir, '--held-out', '8', '--seed', '4242'], { stdio: 'ignore' });
    const report = readdirSync(dir).find((d) => d.startsWith('4242008-'));
    put(path.join(dir, report, 'original.pdf'), 'row-broken-by-page.pdf');
  },
};

const SUM_ERROR = { new: [3, 1, 0, 0, 0, 0, 5], granted: [2, 1, 0, 0, 0, 0, 3], total: [2, 1, 0, 0, 0, 0, 3], carriedOut: [1, 0, 0, 0, 0, 0, 1] };

const wanted = process.argv.slice(2);
for (const name of wanted) if (!MAKERS[name]) throw new Error(`no fixture maker ${name}; there are: ${Object.keys(MAKERS).join(' ')}`);
for (const [name, make] of Object.entries(MAKERS)) if (wanted.length === 0 || wanted.includes(name)) make();
rmSync(work, { recursive: true, force: true });
console.log(`made ${readdirSync(OUT).length} fixtures in ${path.relative(ROOT, OUT)}`);
