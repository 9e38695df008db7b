// The text shapes of report-format.md §8 that this corpus writes itself, each from the same truth:
//   tab        §8.1 tab-separated rows (and §8.10: the 2019 T3 with empty fields where cells are blank)
//   md         §8.2 Markdown with pipe tables, clean
//   md-split   §8.2 pipe tables broken by a converter: header cells split into stray rows, labels lost
//   md-html    §8.2 Markdown from a Word converter (pandoc to GFM) that writes the merged-cell tables as raw HTML
//   md-pdf     §8.9 Markdown from a PDF converter: a table per row group with fake 数据1… headers, a header
//              repeated mid-table, T4 as three tables, captions 表二：…
//   word-cells §8.3 one cell a line from Word, tab-indented, blank lines between, values sometimes doubled
//   html-cells §8.6 one cell a line from HTML (each <p> a line): a blank cell is an empty line
//   spaces     single-space-separated cells, as a PDF viewer copies a table
// The shapes made by real tools (pdftotext, Chromium) are in make.mjs.
import { rng } from './rng.mjs';
import { proactiveBlocks, proactiveGrid, requestGrid, requestHeaderGrid, requestRowsWritten, appealGrid, appealHeaderRows, flatten, cellText } from './tables.mjs';
import { REQUEST_CORNER, REQUEST_COLUMNS, APPEAL_GROUPS, OUTCOMES } from './format.mjs';

export const TEXT_SHAPES = ['tab', 'md', 'md-split', 'md-html', 'md-pdf', 'word-cells', 'html-cells', 'spaces'];
export const shapeExt = (shape) => (shape.startsWith('md') ? 'md' : 'txt');

/**
 * Walks the report in order and asks the shape for each part. `w` has title(lines), para(text),
 * heading(n, text), sub(text), table(key) and returns the lines.
 */
function walk(truth, w) {
  const p = truth.prose;
  const out = [];
  const put = (lines) => out.push(...lines);
  put(w.title(p.title));
  for (const x of p.intro) put(w.para(x));
  const debris = truth.damage.includes('bookmark') && w.debris;
  for (let n = 1; n <= 6; n++) {
    if (n === 4 && !truth.tables.appeals) continue;
    const h = p.headings[n].text;
    put(w.heading(n, debris && n === 4 ? `[bookmark: _Toc${truth.seed}4]${h}` : h));
    const s = p.sections[n];
    if (n === 1 || n === 5) {
      for (const x of s.paras ?? []) put(w.para(x));
      for (const sub of s.subs ?? []) {
        put(w.sub(sub.heading));
        for (const x of sub.paras) put(w.para(x));
      }
    }
    if (n === 2) put(w.table('proactive'));
    if (n === 3) {
      for (const x of s) put(w.para(x));
      put(w.table('requests'));
    }
    if (n === 4) {
      for (const x of s) put(w.para(x));
      put(w.table('appeals'));
    }
    if (n === 6) for (const x of s) put(w.para(x));
  }
  if (debris) out.splice(Math.min(out.length, 4), 0, '[bookmark: _GoBack]');
  return out.join('\n') + '\n';
}

/** Where a page number falls inside T3 (the 'page-numbers' damage), as a row index. */
const pageBreakRow = (truth) => Math.floor(requestRowsWritten(truth).length / 2);
const pageNumber = (truth) => `- ${truth.tables.proactive.layout === '2019' ? 3 : 2} -`;
const hasPageNumbers = (truth) => truth.damage.includes('page-numbers');

// ------------------------------------------------------------------------------------------------ tab
function tab(truth) {
  const table = (key) => {
    const lines = [];
    if (key === 'proactive') {
      for (const row of flatten(proactiveGrid(truth))) lines.push(row.join('\t'));
      return lines;
    }
    if (key === 'requests') {
      const head = flatten(requestHeaderGrid(truth));
      for (const row of head) lines.push(row.join('\t'));
      requestRowsWritten(truth).forEach((r, i) => {
        if (hasPageNumbers(truth) && i === pageBreakRow(truth)) lines.push('', pageNumber(truth), '');
        lines.push([r.results, r.groupLabel, r.item, ...r.values].join('\t'));
      });
      return lines;
    }
    return flatten(appealGrid(truth)).map((r) => r.join('\t'));
  };
  return walk(truth, { debris: true, title: (l) => [...l, ''], para: (t) => [t, ''], heading: (n, t) => [t, ''], sub: (t) => [t, ''], table: (k) => [...table(k), ''] });
}

// ------------------------------------------------------------------------------------------------ md
const pipe = (cells) => `| ${cells.map((x) => x.replace(/\|/g, '｜')).join(' | ')} |`;
const rule = (n) => pipe(Array(n).fill('---'));
function md(truth) {
  const r = rng(truth.seed + 2);
  const level = () => r.pick(['##', '##', '###']);
  const table = (key) => {
    const rows = key === 'proactive' ? flatten(proactiveGrid(truth)) : key === 'requests' ? flatten(requestGrid(truth)) : flatten(appealGrid(truth));
    const lines = [pipe(rows[0]), rule(rows[0].length), ...rows.slice(1).map(pipe)];
    if (key === 'requests' && hasPageNumbers(truth)) lines.splice(3 + pageBreakRow(truth) + 1, 0, pipe([pageNumber(truth), ...Array(rows[0].length - 1).fill('')]));
    return lines;
  };
  return walk(truth, {
    debris: true,
    title: (l) => [`# ${l.join('')}`, ''],
    para: (t) => [t, ''],
    heading: (n, t) => [`${level()} ${t}`, ''],
    sub: (t) => [r.chance(0.5) ? `#### **${t}**` : `**${t}**`, ''],
    table: (k) => [...table(k), ''],
  });
}

// ------------------------------------------------------------------------------------------------ md-split
/** Header cells split into stray one-cell rows; some value rows lose their labels. */
function mdSplit(truth) {
  const r = rng(truth.seed + 3);
  const table = (key) => {
    if (key === 'proactive') {
      const lines = [];
      proactiveBlocks(truth).forEach((b, i) => {
        const width = b.header.length;
        if (i === 0) lines.push(pipe([b.caption, ...Array(3).fill('')]), rule(4));
        else lines.push(pipe([b.caption, ...Array(3).fill('')]));
        for (const h of b.header) lines.push(pipe([h]));
        for (const row of b.rows) lines.push(pipe([row.label, ...row.values, ...Array(Math.max(0, 4 - width)).fill('')]));
      });
      return lines;
    }
    if (key === 'requests') {
      const width = truth.tables.requests.totalColumn ? 10 : 9;
      const lines = [pipe([REQUEST_CORNER, '', '', '申请人情况', ...Array(width - 4).fill('')]), rule(width)];
      for (const h of ['自然人', '法人或其他组织', ...(truth.tables.requests.totalColumn ? ['总计'] : [])]) lines.push(pipe([h]));
      lines.push(pipe(['商业企业', '科研机构']), pipe(['社会公益组织', '法律服务机构', '其他']));
      const rows = requestRowsWritten(truth);
      const unlabelled = new Set(r.some(rows.filter((x) => x.sub).map((x) => x.key), 2));
      for (const row of rows) {
        const labels = row.sub ? ['', '', unlabelled.has(row.key) ? '' : row.item] : row.group ? ['', row.groupLabel, ''] : [row.results, '', ''];
        lines.push(pipe([...labels, ...row.values]));
      }
      return lines;
    }
    const rows = flatten(appealGrid(truth));
    return [pipe(rows[0]), rule(rows[0].length), ...rows.slice(1).map(pipe)];
  };
  return walk(truth, { debris: true, title: (l) => [`# ${l.join('')}`, ''], para: (t) => [t, ''], heading: (n, t) => [`## ${t}`, ''], sub: (t) => [`### ${t}`, ''], table: (k) => [...table(k), ''] });
}

// ------------------------------------------------------------------------------------------------ md-pdf
/** A PDF converter's Markdown: captions, a mini-table per row group with fake headers, T4 in three tables. */
function mdPdf(truth) {
  const fake = (n) => pipe(Array.from({ length: n }, (_, i) => `数据${i + 1}`));
  const captions = { proactive: '表二：主动公开政府信息情况', requests: '## 表三：收到和处理政府信息公开申请情况', appeals: '表四：政府信息公开行政复议、行政诉讼情况' };
  const table = (key) => {
    const lines = [captions[key], ''];
    if (key === 'proactive') {
      for (const b of proactiveBlocks(truth)) {
        const n = b.header.length;
        lines.push(fake(n), rule(n), pipe([b.caption, ...Array(n - 1).fill('')]), pipe(b.header), ...b.rows.map((x) => pipe([x.label, ...x.values])), '');
      }
      return lines;
    }
    if (key === 'requests') {
      const rows = requestRowsWritten(truth);
      const width = 2 + rows[0].values.length;
      const head = flatten(requestHeaderGrid(truth)).map((h) => [h[0], '', ...h.slice(3)]);
      lines.push(fake(width), rule(width), ...head.map(pipe), '');
      let group = undefined;
      let n = 0;
      for (const row of rows) {
        const g = row.sub ?? (row.group ? 'results' : row.key);
        if (g !== group) {
          if (group !== undefined) lines.push('');
          lines.push(fake(width), rule(width));
          group = g;
          if (++n === 4) lines.push(pipe(['', '', ...REQUEST_COLUMNS.slice(0, width - 2).map(([, l]) => l)]));
        }
        const labels = row.sub ? [row.groupLabel, row.item] : row.group ? [row.results, row.groupLabel] : [row.results, ''];
        lines.push(pipe([...labels, ...row.values]));
      }
      return [...lines, ''];
    }
    const t = truth.tables.appeals;
    APPEAL_GROUPS.forEach(([, name], g) => {
      lines.push(pipe([name, ...Array(4).fill('')]), rule(5));
      if (t.header) lines.push(pipe(OUTCOMES.map(([, l]) => l)));
      lines.push(pipe(t.values.slice(g * 5, g * 5 + 5).map((v) => cellText(truth, v))), '');
    });
    return lines;
  };
  return walk(truth, { debris: false, title: (l) => [`# ${l.join('')}`, ''], para: (t) => [t, ''], heading: (n, t) => [`## ${t}`, ''], sub: (t) => [`**${t}**`, ''], table: (k) => table(k) });
}

// ------------------------------------------------------------------------------------------------ md-html
/** pandoc's GFM of a .docx: tables with merged cells can't be pipe tables, so they come as raw HTML, a tag a line. */
function mdHtml(truth) {
  const esc = (x) => x.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const table = (key) => {
    const grid = key === 'proactive' ? proactiveGrid(truth) : key === 'requests' ? requestGrid(truth) : appealGrid(truth);
    const lines = ['<table>', '<tbody>'];
    grid.forEach((row, i) => {
      lines.push(`<tr class="${i % 2 ? 'even' : 'odd'}">`);
      for (const c of row) {
        const span = (c.colspan > 1 ? ` colspan="${c.colspan}"` : '') + (c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : '');
        lines.push(`<td${span}>${esc(c.text)}</td>`);
      }
      lines.push('</tr>');
    });
    return [...lines, '</tbody>', '</table>'];
  };
  return walk(truth, { debris: false, title: (l) => [`# ${l.join('')}`, ''], para: (t) => [t, ''], heading: (n, t) => [`## ${t}`, ''], sub: (t) => [`### ${t}`, ''], table: (k) => [...table(k), ''] });
}

// ------------------------------------------------------------------------------------------------ word-cells
/** Word's text export: each cell on its own line, tab-indented, a blank line after each row's cells. */
function wordCells(truth) {
  const r = rng(truth.seed + 5);
  const rowLines = (cells) => {
    const lines = [];
    for (const x of cells) {
      lines.push(`\t${x}`);
      if (/^[0-9０-９.]+$/.test(x) && r.chance(0.08)) lines.push(x);
    }
    lines.push('');
    return lines;
  };
  const table = (key) => {
    const grid = key === 'proactive' ? proactiveGrid(truth) : key === 'requests' ? requestGrid(truth) : appealGrid(truth);
    const lines = [];
    grid.forEach((row, i) => {
      if (key === 'requests' && hasPageNumbers(truth) && i === 3 + pageBreakRow(truth)) lines.push(pageNumber(truth), '');
      lines.push(...rowLines(row.map((c) => c.text)));
    });
    return lines;
  };
  return walk(truth, { debris: true, title: (l) => [...l.map((x) => `\t${x}`), ''], para: (t) => [t], heading: (n, t) => [t], sub: (t) => [t], table: (k) => ['', ...table(k), ''] });
}

// ------------------------------------------------------------------------------------------------ html-cells
/** Text copied from a web page whose cells are <p>s: one cell a line, an empty cell an empty line. */
function htmlCells(truth) {
  const table = (key) => {
    const grid = key === 'proactive' ? proactiveGrid(truth) : key === 'requests' ? requestGrid(truth) : appealGrid(truth);
    return grid.flatMap((row) => row.map((c) => c.text));
  };
  return walk(truth, { debris: false, title: (l) => l, para: (t) => [t], heading: (n, t) => [t], sub: (t) => [t], table: (k) => table(k) });
}

// ------------------------------------------------------------------------------------------------ spaces
/** A PDF viewer's copy: each table row on one line, cells one space apart, blank cells gone. */
function spaces(truth) {
  const join = (cells) => cells.filter((x) => x !== '').join(' ');
  const table = (key) => {
    if (key === 'proactive') return flatten(proactiveGrid(truth)).map(join);
    if (key === 'requests') {
      const lines = flatten(requestHeaderGrid(truth)).map(join);
      requestRowsWritten(truth).forEach((x, i) => {
        if (hasPageNumbers(truth) && i === pageBreakRow(truth)) lines.push(String(truth.tables.proactive.layout === '2019' ? 3 : 2));
        lines.push(join([x.results, x.groupLabel, x.item, ...x.values]));
      });
      return lines;
    }
    return flatten(appealGrid(truth)).map(join);
  };
  return walk(truth, { debris: true, title: (l) => l, para: (t) => [t], heading: (n, t) => [t], sub: (t) => [t], table: (k) => table(k) });
}

const RENDER = { tab, md, 'md-split': mdSplit, 'md-html': mdHtml, 'md-pdf': mdPdf, 'word-cells': wordCells, 'html-cells': htmlCells, spaces };
export const renderText = (truth, shape) => RENDER[shape](truth);
export { appealHeaderRows };
