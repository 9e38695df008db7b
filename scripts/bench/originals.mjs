// 6. Originals: reading and checking a .docx, an HTML page and a multi-page PDF (the readers as bundled in
// dist/sources.js and dist/pdfjs.js, loaded once: the first read's load time is shown apart), and the sizes
// of the lazy bundles. Target: a 6-page PDF read and checked in under 300 ms.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { bytes, heading, ms, printTable, summarize } from './stats.mjs';
import { ROOT } from './texts.mjs';

const require = createRequire(import.meta.url);
const quick = process.env.BENCH_QUICK === '1';

export async function benchOriginals(summary) {
  heading('6. Originals: read + check (.docx, .html, .pdf), lazy bundles');
  const { readSource } = require(path.join(ROOT, 'dist', 'sources.js'));
  const { checkView } = require(path.join(ROOT, 'out', 'server', 'src', 'core', 'service.js'));
  const files = [
    ['.docx (LibreOffice, 3 tables)', 'fixtures/originals/sum-error.docx'],
    ['.html, GBK (rowspan/colspan)', 'fixtures/originals/sum-error-gbk.html'],
    ['.pdf (seed 004)', 'fixtures/originals/seeds/004_b6b282f6157a8fb9.pdf'],
    ['.pdf (a table split over pages)', 'fixtures/originals/split-table.pdf'],
  ];
  const rows = [['file', 'first read (loads the readers)', 'median', 'p95', 'pages']];
  for (const [name, rel] of files) {
    const data = readFileSync(path.join(ROOT, rel));
    const t0 = performance.now();
    let v = await readSource(data);
    checkView(v);
    const first = performance.now() - t0;
    const samples = [];
    for (let i = 0; i < (quick ? 3 : 10); i++) {
      const t = performance.now();
      v = await readSource(data);
      checkView(v);
      samples.push(performance.now() - t);
    }
    const s = summarize(samples);
    rows.push([name, ms(first), ms(s.median), ms(s.p95), String(v.pages ?? '')]);
    if (rel.includes('split-table')) summary.push({ figure: `read + check a ${v.pages}-page PDF (median)`, value: ms(s.median), target: '< 300 ms', met: s.median < 300 });
  }
  printTable(rows);
  const size = (f) => statSync(path.join(ROOT, 'dist', f)).size;
  printTable([['lazy bundle', 'size'], ['dist/sources.js (readers, fflate, htmlparser2, export)', bytes(size('sources.js'))], ['dist/pdfjs.js (pdf.js + worker)', bytes(size('pdfjs.js'))]]);
}
