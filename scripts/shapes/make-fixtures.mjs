// Makes the text-shape fixtures of report-format.md §8 that come from real tools (fixtures/shapes/from-*):
// a report in the official layout as an HTML page (scripts/originals/report-html.mjs), then what the tools
// people use make of it — Chromium's textContent (web text that lost its line breaks) and innerText (tab rows),
// each <p>/<td> a line (HTML to text), LibreOffice's PDF read by pdftotext with and without -layout — and a
// Markdown as PDF converters write it. Inline markers are not written here: each fixture's expectations are
// added by hand after reading what the checker says. Needs soffice, pdftotext and chromium (Debian:
// libreoffice-writer-nogui fonts-noto-cjk poppler-utils chromium). Not used by the tests.
// Usage: node scripts/shapes/make-fixtures.mjs OUTDIR
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { reportHtml } from '../originals/report-html.mjs';

const require = createRequire(import.meta.url);
const spec = require('../../out/server/src/core/format/spec.js');
const out = path.resolve(process.argv[2] ?? 'shapes-out');
mkdirSync(out, { recursive: true });
const work = mkdtempSync(path.join(os.tmpdir(), 'govreport-shapes-'));

/** The numbers of a 2023 report whose sums hold, with several digits in some cells (so splits are not trivial). */
function values2021() {
  const v = {
    new: [112, 3, 0, 0, 14, 0],
    carriedIn: [2, 0, 0, 0, 1, 0],
    granted: [61, 1, 0, 0, 9, 0],
    partial: [11, 0, 0, 0, 1, 0],
    'denied.4': [1, 0, 0, 0, 0, 0],
    'unable.1': [23, 1, 0, 0, 2, 0],
    'rejected.2': [7, 0, 0, 0, 0, 0],
    'other.3': [1, 0, 0, 0, 0, 0],
  };
  return complete(v, '2021');
}

/** Fills the other result rows with zeros, and sets the totals and the carried-over row from the sums. */
function complete(v, ed) {
  const rows = spec.REQUEST_ROWS[ed];
  const results = rows.filter((r) => r.group && r.key !== 'total').map((r) => r.key);
  for (const k of [...results, 'new', 'carriedIn']) v[k] ??= [0, 0, 0, 0, 0, 0];
  const total = [0, 1, 2, 3, 4, 5].map((i) => results.reduce((s, k) => s + v[k][i], 0));
  v.total = total;
  v.carriedOut = total.map((t, i) => v.new[i] + v.carriedIn[i] - t);
  if (v.carriedOut.some((x) => x < 0)) throw new Error('carried out < 0');
  for (const k of Object.keys(v)) if (v[k].length === 6) v[k] = [...v[k], v[k].reduce((a, b) => a + b, 0)];
  return v;
}

const appeals = [3, 1, 0, 1, 5, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1];
const proactive = { regulations: [0, 0, 0], normativeDocuments: [2, 1, 9], licensing: [15], penalties: [7], enforcement: [0], fees: [0] };
const sentence = (v) => `2023年，本镇认真落实政府信息公开工作要求。全年共收到政府信息公开申请${v.new[6]}件，办结${v.total[6]}件，结转下年度继续办理${v.carriedOut[6]}件。`;

const v21 = values2021();
const html = reportHtml({ agency: '示例县示例镇人民政府', year: 2023, values: v21, appeals, proactive, sentence: sentence(v21) });
writeFileSync(path.join(work, 'r.html'), html);
writeFileSync(path.join(out, 'data-2023.json'), JSON.stringify({ requests: v21, appeals, proactive }, null, 1));

// Chromium: textContent (web text) of the page as written and with its line breaks gone, innerText (tab rows).
const { chromium } = require('playwright-core');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
const text = async (h, how) => {
  await page.setContent(h);
  return page.evaluate((m) => (m === 'inner' ? document.body.innerText : document.body.textContent), how);
};
writeFileSync(path.join(out, 'web-text-content.txt'), (await text(html, 'content')).trim() + '\n');
writeFileSync(path.join(out, 'web-one-line.txt'), (await text(html.replace(/\n/g, ''), 'content')).trim() + '\n');
writeFileSync(path.join(out, 'web-inner-text.txt'), (await text(html, 'inner')).trim() + '\n');

// HTML to text, each block a line: an empty cell is an empty line.
function blocks(h) {
  const lines = [];
  const body = h.slice(h.indexOf('<body'));
  for (const m of body.matchAll(/<(h1|h2|p|td)\b[^>]*>([\s\S]*?)<\/\1>/g)) lines.push(m[2].replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&amp;/g, '&').trim());
  return lines.join('\n') + '\n';
}
// A 2020 report (the 2019 layout), zeros left blank and the 总计 column blank on the result rows.
function values2019Blank() {
  const v = complete({ new: [5, 1, 0, 0, 0, 0], carriedIn: [1, 0, 0, 0, 0, 0], granted: [3, 1, 0, 0, 0, 0], 'unable.1': [2, 0, 0, 0, 0, 0] }, '2019');
  for (const r of spec.REQUEST_ROWS['2019']) {
    v[r.key] = v[r.key].map((x, i) => (x === 0 ? null : x));
    if (r.group) v[r.key][6] = null;
  }
  return v;
}
const v19 = values2019Blank();
const html19 = reportHtml({ agency: '示例市示例区教育局', year: 2020, values: v19, proactive: { regulations: [0, 0, 0], normativeDocuments: [1, 1, 6], licensing: [4, 0, 31], otherServices: [0, 0, 0], penalties: [2, 0, 5], enforcement: [0, 0, 0], fees: [1, 0], procurement: [2, '251000元'] }, sentence: '2020年，本局认真落实政府信息公开工作要求。全年共收到政府信息公开申请6件。' });
writeFileSync(path.join(out, 'html-cells-2023.txt'), blocks(html.replace(/<td([^>]*)>0<\/td>/g, (m, a, i) => (i % 3 === 0 ? `<td${a}></td>` : m))));
writeFileSync(path.join(out, 'inner-text-2019-blanks.txt'), (await text(html19, 'inner')).trim() + '\n');
await browser.close();

// LibreOffice: the page to .docx to .pdf; pdftotext with -layout and without.
const convert = (file, to) => {
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${work}/lo`, '--convert-to', to, '--outdir', work, file], { stdio: 'ignore' });
  const made = path.join(work, `${path.basename(file, path.extname(file))}.${to.split(':')[0]}`);
  if (!existsSync(made)) throw new Error(`soffice made no ${made}`);
  return made;
};
const pdf = convert(convert(path.join(work, 'r.html'), 'docx:MS Word 2007 XML'), 'pdf');
execFileSync('pdftotext', ['-layout', pdf, path.join(out, 'pdf-layout.txt')]);
execFileSync('pdftotext', [pdf, path.join(out, 'pdf-plain.txt')]);
console.log(`wrote ${out}`);
