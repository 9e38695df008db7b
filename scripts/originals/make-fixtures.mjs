// Makes the originals fixtures (fixtures/originals/): HTML pages with rowspan/colspan in UTF-8 and GBK, the
// .docx LibreOffice makes of them, PDFs made of those, a table split over two pages, a scanned-like PDF with
// no text layer, an encrypted PDF, a legacy .doc, and the five seeds rendered to .docx and .pdf.
// Needs LibreOffice and qpdf (Debian: libreoffice-writer-nogui fonts-noto-cjk qpdf; installed here when
// missing and run as root). Usage: node scripts/originals/make-fixtures.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
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

// 1. A clean report, UTF-8, official merged header cells; LibreOffice's .docx of it, and its PDF.
const clean = path.join(work, 'clean.html');
writeFileSync(clean, reportHtml({}));
put(clean, 'clean.html');
const cleanDocx = convert(clean, 'docx:MS Word 2007 XML');
put(cleanDocx, 'clean.docx');
put(convert(cleanDocx, 'pdf'), 'clean.pdf');

// 2. A planted sum error, in GBK: 总计 of 本年新收 is 5, its row sums to 4.
const sums = { new: [3, 1, 0, 0, 0, 0, 5], granted: [2, 1, 0, 0, 0, 0, 3], total: [2, 1, 0, 0, 0, 0, 3], carriedOut: [1, 0, 0, 0, 0, 0, 1] };
const gbkHtml = reportHtml({ agency: '示例县民政局', charset: 'gbk', values: sums });
const gbk = path.join(work, 'sum-error-gbk.html');
writeFileSync(gbk, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: gbkHtml }));
put(gbk, 'sum-error-gbk.html');
const gbkDocx = convert(gbk, 'docx:MS Word 2007 XML');
put(gbkDocx, 'sum-error.docx');
put(convert(gbkDocx, 'pdf'), 'sum-error.pdf');

// 3. A blank cell (部分公开, 商业企业), UTF-8.
const blank = path.join(work, 'blank-cell.htm');
writeFileSync(blank, reportHtml({ agency: '示例镇人民政府', values: { partial: [0, null, 0, 0, 0, 0, 0] } }));
put(blank, 'blank-cell.htm');
const blankDocx = convert(blank, 'docx:MS Word 2007 XML');
put(blankDocx, 'blank-cell.docx');
put(convert(blankDocx, 'pdf'), 'blank-cell.pdf');

// 4. A table split over two pages: large print pushes 表三 across a page break.
const split = path.join(work, 'split-table.html');
writeFileSync(split, reportHtml({ agency: '示例市统计局', fontSize: 15 }));
put(convert(convert(split, 'docx:MS Word 2007 XML'), 'pdf'), 'split-table.pdf');

// 5. A scanned-like PDF: a page that only draws (no text layer).
const objs = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
];
const drawing = '0.5 g 50 700 495 80 re f 0 g 60 650 m 535 650 l S 60 600 m 535 600 l S\n';
objs.push(`<< /Length ${drawing.length} >>\nstream\n${drawing}endstream`);
let pdf = '%PDF-1.4\n';
const offsets = objs.map((o, i) => {
  const at = pdf.length;
  pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  return at;
});
const xref = pdf.length;
pdf += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
pdf += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
writeFileSync(path.join(OUT, 'scanned.pdf'), pdf);

// 6. An encrypted PDF (an open password) and a legacy .doc.
execFileSync('qpdf', ['--encrypt', 'secret', 'owner', '256', '--', path.join(OUT, 'clean.pdf'), path.join(OUT, 'encrypted.pdf')]);
put(convert(clean, 'doc:MS Word 97'), 'legacy.doc');

// 7. The five seeds as .docx and .pdf: their text, with each table-like run of tab-separated lines a table
// (a cell a field), and for the one-cell-a-line seed the rows the checker read (label and cells as written).
const { parseReport } = require(path.join(ROOT, 'out/server/src/core/service.js'));
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
for (const f of readdirSync(path.join(ROOT, 'fixtures/seeds')).filter((n) => n.endsWith('.txt'))) {
  const text = readFileSync(path.join(ROOT, 'fixtures/seeds', f), 'utf8').replace(/^\uFEFF/, '').replace(/ ?\{\{[^}]*\}\}/g, '');
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
  let html = '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\n';
  let open = false;
  const close = () => { if (open) html += '</table>\n'; open = false; };
  lines.forEach((l, i) => {
    if (tableAt.has(i)) {
      close();
      html += '<table border="1" cellspacing="0" width="100%">\n' + tableAt.get(i).map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>\n`).join('') + '</table>\n';
    }
    if (skip.has(i)) return;
    const cells = l.split('\t');
    if (cells.length > 1 && l.trim() && cells.slice(1).some((c) => c.trim())) {
      if (!open) html += '<table border="1" cellspacing="0" width="100%">\n';
      open = true;
      html += `<tr>${cells.map((c) => `<td>${esc(c.trim())}</td>`).join('')}</tr>\n`;
      return;
    }
    close();
    const p = l.replace(/^#+\s*/, '').replace(/\*\*/g, '').trim();
    if (p) html += `<p>${esc(p)}</p>\n`;
  });
  close();
  const base = f.replace(/\.txt$/, '');
  const h = path.join(work, `${base}.html`);
  writeFileSync(h, html + '</body></html>\n');
  const docx = convert(h, 'docx:MS Word 2007 XML');
  put(docx, `seeds/${base}.docx`);
  put(convert(docx, 'pdf'), `seeds/${base}.pdf`);
}
rmSync(work, { recursive: true, force: true });
console.log(`made ${readdirSync(OUT).length} fixtures in ${path.relative(ROOT, OUT)}`);
