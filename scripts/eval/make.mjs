// Makes the eval corpus: for each plan entry a folder with truth.json, the text shapes written from the
// truth (render-text.mjs), the originals (.html in UTF-8 or GBK with rowspan/colspan, the .docx LibreOffice
// makes of it, the PDF LibreOffice makes of that), and the shapes real tools make of the originals:
// pdftotext -layout (pdf-layout.txt), plain pdftotext (pdf-plain.txt), and a page's textContent in headless
// Chromium (web-oneline.txt).
//
//   node scripts/eval/make.mjs                 the committed corpus into eval/reports (PDFs kept for every 4th report)
//   node scripts/eval/make.mjs --out DIR --all-pdf [--extra N]   everything, PDFs for all, N more random reports
//   node scripts/eval/make.mjs --out DIR --held-out N [--seed S]   only N random reports none of the above has
//   node scripts/eval/make.mjs --text-only     only truth.json and the hand-written text shapes (no tools needed)
//
// Needs LibreOffice, poppler-utils, Chromium and iconv (Debian: libreoffice-writer-nogui fonts-noto-cjk
// poppler-utils chromium); installs them with apt-get when missing and run as root.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PLAN, makeTruth, randomEntry } from './truth.mjs';
import { TEXT_SHAPES, renderText, shapeExt } from './render-text.mjs';
import { reportHtml } from './render-html.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const argv = process.argv.slice(2);
const opt = (name) => argv.includes(name);
const val = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const OUT = path.resolve(val('--out', path.join(ROOT, 'eval', 'reports')));
const EXTRA = Number(val('--extra', '0'));
/** `--held-out N --seed S`: N random reports drawn afresh for seed S, none of them in the committed corpus. */
const HELD_OUT = Number(val('--held-out', '0'));
const SEED = Number(val('--seed', '1'));
/** Report indexes a held-out seed owns: S × this onwards, far beyond the plan and any --extra. */
const INDEXES_PER_SEED = 1000;
const TEXT_ONLY = opt('--text-only');
const ALL_PDF = opt('--all-pdf') || HELD_OUT > 0;
/** Of the committed corpus, every PDF_EVERY-th report keeps its PDF (the rest: `--all-pdf` into a temp folder). */
const PDF_EVERY = 4;
/** A report's originals: its page's house style and character set, cycling so each combination occurs. */
const ORIGINAL_STYLES = [
  { style: 'word', charset: 'utf-8', ext: 'html' },
  { style: 'cms', charset: 'gbk', ext: 'html' },
  { style: 'cms', charset: 'utf-8', ext: 'htm' },
  { style: 'word', charset: 'gbk', ext: 'htm', thead: true },
];

const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
function ensureTools() {
  const missing = [['soffice', 'libreoffice-writer-nogui'], ['pdftotext', 'poppler-utils'], ['chromium', 'chromium'], ['iconv', 'libc-bin']]
    .filter(([cmd]) => !have(cmd)).map(([, pkg]) => pkg);
  if (!missing.length) return;
  if (process.getuid?.() !== 0) throw new Error(`needs ${missing.join(', ')} (and fonts-noto-cjk): apt-get install them, or run with --text-only`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing, 'fonts-noto-cjk'], { stdio: 'inherit', env });
}

const indexes = HELD_OUT > 0
  ? Array.from({ length: HELD_OUT }, (_, i) => SEED * INDEXES_PER_SEED + i)
  : Array.from({ length: PLAN.length + EXTRA }, (_, i) => i);
const truths = indexes.map((i) => makeTruth(i < PLAN.length ? PLAN[i] : randomEntry(i), i));
mkdirSync(OUT, { recursive: true });

/** The truth as committed: everything but the prose's wording (the shapes hold that). */
function truthJson(t) {
  const { prose, ...rest } = t;
  return JSON.stringify({ ...rest, prose: { headings: prose.headings, planted: prose.planted } }, null, 1) + '\n';
}

for (const t of truths) {
  const dir = path.join(OUT, t.id);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'truth.json'), truthJson(t));
  for (const shape of TEXT_SHAPES) writeFileSync(path.join(dir, `${shape}.${shapeExt(shape)}`), renderText(t, shape));
}
if (TEXT_ONLY) {
  console.log(`made ${truths.length} reports (text shapes only) in ${path.relative(process.cwd(), OUT) || '.'}`);
  process.exit(0);
}

ensureTools();
const work = mkdtempSync(path.join(os.tmpdir(), 'govreport-eval-'));
const profile = `-env:UserInstallation=file://${work}/lo-profile`;
/** One LibreOffice run converts a whole batch (its start-up costs more than a conversion). */
function convert(files, to, dir) {
  mkdirSync(dir, { recursive: true });
  execFileSync('soffice', ['--headless', '--norestore', profile, '--convert-to', to, '--outdir', dir, ...files], { stdio: 'ignore', timeout: 20 * 60_000 });
}
const encode = (text, charset) => (charset === 'utf-8' ? Buffer.from(text) : execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: text }));

// 1. The pages: the original as published, and a Word-style page with a page-number footer for the .docx.
const forDocx = [];
truths.forEach((t, i) => {
  const s = ORIGINAL_STYLES[i % ORIGINAL_STYLES.length];
  writeFileSync(path.join(OUT, t.id, `original.${s.ext}`), encode(reportHtml(t, s), s.charset));
  const src = path.join(work, 'html', `${t.id}.html`);
  mkdirSync(path.dirname(src), { recursive: true });
  writeFileSync(src, reportHtml(t, { style: 'word', footer: true, thead: i % 2 === 1 }));
  forDocx.push(src);
});

// 2. .docx from the pages, PDFs from the .docx, in two LibreOffice runs.
convert(forDocx, 'docx:MS Word 2007 XML', path.join(work, 'docx'));
const docx = truths.map((t) => path.join(work, 'docx', `${t.id}.docx`));
convert(docx, 'pdf', path.join(work, 'pdf'));
truths.forEach((t, i) => {
  const pdf = path.join(work, 'pdf', `${t.id}.pdf`);
  if (!existsSync(docx[i]) || !existsSync(pdf)) throw new Error(`LibreOffice made no .docx/.pdf for ${t.id}`);
  copyFileSync(docx[i], path.join(OUT, t.id, 'original.docx'));
  if (ALL_PDF || i % PDF_EVERY === 0) copyFileSync(pdf, path.join(OUT, t.id, 'original.pdf'));
  writeFileSync(path.join(OUT, t.id, 'pdf-layout.txt'), execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-']));
  writeFileSync(path.join(OUT, t.id, 'pdf-plain.txt'), execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-']));
});

// 3. Web text: the CMS page's textContent, as Chromium has it after loading the page.
const grab = `<script>addEventListener('DOMContentLoaded', () => { const t = document.body.textContent; document.body.textContent = '';
const pre = document.createElement('pre'); pre.id = 'textcontent'; pre.textContent = t; document.body.appendChild(pre); });</script>`;
const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&nbsp;/g, '\u00a0').replace(/&amp;/g, '&');
for (const t of truths) {
  const page = path.join(work, 'web', `${t.id}.html`);
  mkdirSync(path.dirname(page), { recursive: true });
  writeFileSync(page, reportHtml(t, { style: 'cms' }).replace('</head>', `${grab}</head>`));
  const dom = execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', `--user-data-dir=${work}/chromium`, '--dump-dom', `file://${page}`],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 120_000 });
  const m = /<pre id="textcontent">([\s\S]*?)<\/pre>/.exec(dom);
  if (!m) throw new Error(`Chromium gave no textContent for ${t.id}`);
  writeFileSync(path.join(OUT, t.id, 'web-oneline.txt'), unescape(m[1]) + '\n');
}
rmSync(work, { recursive: true, force: true });
console.log(`made ${truths.length} reports in ${path.relative(process.cwd(), OUT) || '.'}: ${readdirSync(OUT).length} folders`);
