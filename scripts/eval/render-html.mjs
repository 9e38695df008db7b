// A corpus report as a web page, the way agencies publish them: the three tables with the official merged
// cells (rowspan/colspan), in one of two house styles — a CMS page (everything on one line, headings as bold
// paragraphs) or a page saved from Word (h1/h2, one element a line) — with a page-number footer that
// LibreOffice keeps when it makes the .docx and the PDF.
import { proactiveGrid, requestGrid, appealGrid } from './tables.mjs';

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function table(grid, style, thead) {
  const rows = grid.map((row) => '<tr>' + row.map((c) => {
    const attrs = (c.colspan > 1 ? ` colspan="${c.colspan}"` : '') + (c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : '');
    return `<td${attrs}${style.cell}>${c.text ? `<p>${esc(c.text)}</p>` : ''}</td>`;
  }).join('') + '</tr>');
  // Header rows as <thead>: Word (and LibreOffice) repeat them at the top of each page the table runs onto.
  const head = thead ? grid.findIndex((row) => !row.every((c) => c.head)) : 0;
  const body = head > 0
    ? `<thead>${style.nl}${rows.slice(0, head).join(style.nl)}${style.nl}</thead><tbody>${style.nl}${rows.slice(head).join(style.nl)}${style.nl}</tbody>`
    : rows.join(style.nl);
  return `<table border="1" cellspacing="0" width="100%">${style.nl}${body}${style.nl}</table>`;
}

/**
 * `cms`: one long line, bold paragraphs for headings (textContent then loses every line break);
 * `word`: h1/h2/h3 and a line per element. `footer`: a page number at the foot of each page (for the PDF);
 * `thead`: T3's and T4's header rows repeated on each page.
 */
export function reportHtml(truth, { charset = 'utf-8', style = 'word', footer = false, thead = false } = {}) {
  const s = style === 'cms'
    ? { nl: '', cell: ' style="border:1px solid #000"', h1: (t) => `<p style="text-align:center"><strong>${esc(t)}</strong></p>`,
      h2: (t) => `<p style="text-indent:2em"><strong>${esc(t)}</strong></p>`, h3: (t) => `<p style="text-indent:2em"><strong>${esc(t)}</strong></p>` }
    : { nl: '\n', cell: '', h1: (t) => `<h1>${esc(t)}</h1>`, h2: (t) => `<h2>${esc(t)}</h2>`, h3: (t) => `<h3>${esc(t)}</h3>` };
  const p = truth.prose;
  const out = [];
  const para = (t) => out.push(`<p style="text-indent:2em">${esc(t)}</p>`);
  out.push(s.h1(p.title.join(style === 'word' && p.title.length > 1 ? ' ' : '')));
  for (const x of p.intro) para(x);
  for (let n = 1; n <= 6; n++) {
    if (n === 4 && !truth.tables.appeals) continue;
    out.push(s.h2(p.headings[n].text));
    const sec = p.sections[n];
    if (n === 1 || n === 5) {
      for (const x of sec.paras ?? []) para(x);
      for (const sub of sec.subs ?? []) {
        out.push(s.h3(sub.heading));
        for (const x of sub.paras) para(x);
      }
    }
    if (n === 2) out.push(table(proactiveGrid(truth), s));
    if (n === 3) {
      for (const x of sec) para(x);
      out.push(table(requestGrid(truth), s, thead));
    }
    if (n === 4) {
      for (const x of sec) para(x);
      out.push(table(appealGrid(truth), s, thead));
    }
    if (n === 6) for (const x of sec) para(x);
  }
  const foot = footer ? `${s.nl}<div title="footer"><p style="text-align:center">- <sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield> -</p></div>` : '';
  const title = esc(p.title.join(''));
  return `<!DOCTYPE html>${s.nl}<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>${title}</title></head>${s.nl}` +
    `<body>${s.nl}${out.join(s.nl)}${foot}${s.nl}</body></html>\n`;
}
