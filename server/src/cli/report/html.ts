/**
 * The desk report as one self-contained HTML page: no network, no external file, Chinese by default. One row
 * per report (agency, year, format, errors, warnings, the T3/T4 totals, status), sortable by any column,
 * filtered by agency and by code, each row expanding to its findings with table, row and cell named; files
 * that could not be read and agencies with no report listed apart. The data is embedded as JSON and drawn by
 * a small script in the page.
 */
import type { DeskData } from './desk-data';

const TEXT = {
  zh: {
    reports: '份报告', withErrors: '份有错误', unreadable: '个文件无法读取', missing: '个机关未报送', dismissed: '个问题已忽略（基线）',
    agencyFilter: '按机关筛选', codeFilter: '按问题代码筛选', allCodes: '全部代码', onlyProblems: '只看有问题的报告', shown: '显示',
    cols: ['机关', '年度', '表格格式', '错误', '警告', '提示', '新收申请', '办结', '结转下年', '行政复议', '行政诉讼', '状态', '文件'],
    status: { error: '有错误', warning: '有警告', ok: '通过', 'not-report': '不是年度报告' },
    severity: { error: '错误', warning: '警告', information: '提示', hint: '建议' },
    findings: '个问题', noFindings: '未发现问题', where: '位置', line: '行', message: '说明', code: '代码', level: '级别',
    unreadableTitle: '无法读取的文件', missingTitle: '未报送的机关', rosterIn: '名单', none: '无', generated: '生成时间',
    expand: '展开', collapse: '收起',
  },
  en: {
    reports: 'reports', withErrors: 'with errors', unreadable: 'files could not be read', missing: 'agencies filed nothing', dismissed: 'findings dismissed (baseline)',
    agencyFilter: 'Filter by agency', codeFilter: 'Filter by code', allCodes: 'all codes', onlyProblems: 'only reports with findings', shown: 'shown',
    cols: ['Agency', 'Year', 'Format', 'Errors', 'Warnings', 'Notes', 'New requests', 'Handled', 'Carried over', 'Reviews', 'Lawsuits', 'Status', 'File'],
    status: { error: 'errors', warning: 'warnings', ok: 'passed', 'not-report': 'not a report' },
    severity: { error: 'error', warning: 'warning', information: 'information', hint: 'hint' },
    findings: 'findings', noFindings: 'no findings', where: 'where', line: 'line', message: 'message', code: 'code', level: 'level',
    unreadableTitle: 'Files that could not be read', missingTitle: 'Agencies with no report', rosterIn: 'roster', none: 'none', generated: 'generated',
    expand: 'expand', collapse: 'collapse',
  },
};

const STYLE = `
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;margin:24px;color:#1f2328;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
.meta{color:#59636e;font-size:13px;margin-bottom:14px}
.stats{display:flex;gap:10px;flex-wrap:wrap;margin:10px 0 16px}
.stat{border:1px solid #d1d9e0;border-radius:6px;padding:6px 12px;font-size:14px}.stat b{font-size:18px;margin-right:4px}
.controls{display:flex;gap:12px;flex-wrap:wrap;align-items:center;margin-bottom:10px;font-size:14px}
input[type=search],select{font:inherit;padding:4px 8px;border:1px solid #d1d9e0;border-radius:6px}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border-bottom:1px solid #e6eaef;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa;position:sticky;top:0}th button{all:unset;cursor:pointer;font-weight:600}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.s-error{color:#cf222e;font-weight:600}.s-warning{color:#9a6700;font-weight:600}.s-ok{color:#1a7f37}.s-not-report{color:#59636e}
button.toggle{font:inherit;border:1px solid #d1d9e0;background:#f6f8fa;border-radius:6px;padding:1px 8px;cursor:pointer}
tr.details td{background:#fafbfc;padding:4px 8px 12px 32px}
.finding{display:grid;grid-template-columns:48px 170px minmax(160px,28%) 60px 1fr;gap:6px;padding:3px 0;border-bottom:1px dashed #e6eaef}
.sev-error{color:#cf222e}.sev-warning{color:#9a6700}.sev-information,.sev-hint{color:#0969da}
code{font-family:ui-monospace,Consolas,monospace;font-size:12px;background:#eff2f5;padding:1px 4px;border-radius:4px}
.file{color:#59636e;font-size:12px;word-break:break-all}
ul.plain{padding-left:20px}
`;

/** The page's script: draws the table from the embedded data, sorts, filters, expands. Plain ES2017, no imports. */
const SCRIPT = `
(function () {
  var D = JSON.parse(document.getElementById('desk-data').textContent);
  var T = JSON.parse(document.getElementById('desk-text').textContent);
  var body = document.getElementById('reports-body');
  var sortKey = 'errors', sortDir = -1;
  var KEYS = ['agency', 'year', 'format', 'errors', 'warnings', 'notes', 'new', 'handled', 'carriedOut', 'review', 'suits', 'status', 'file'];
  var STATUS_ORDER = { error: 0, warning: 1, ok: 2, 'not-report': 3 };
  function val(r, k) {
    switch (k) {
      case 'errors': return r.counts.error;
      case 'warnings': return r.counts.warning;
      case 'notes': return r.counts.information + r.counts.hint;
      case 'new': case 'handled': case 'carriedOut': case 'review': case 'suits': return r.totals[k];
      case 'status': return STATUS_ORDER[r.status];
      default: return r[k];
    }
  }
  function cmp(a, b) {
    var x = val(a, sortKey), y = val(b, sortKey);
    if (x === y) return a.file < b.file ? -1 : 1;
    if (x === null || x === undefined || x === '') return 1;
    if (y === null || y === undefined || y === '') return -1;
    if (typeof x === 'number' && typeof y === 'number') return (x - y) * sortDir;
    return String(x).localeCompare(String(y), 'zh-Hans-CN') * sortDir;
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function cell(tr, text, cls) { var td = el('td', cls ? { class: cls } : {}, text); tr.appendChild(td); return td; }
  function shown(r) {
    var q = document.getElementById('agency-filter').value.trim().toLowerCase();
    var code = document.getElementById('code-filter').value;
    var only = document.getElementById('only-problems').checked;
    if (q && (r.agency + ' ' + r.file).toLowerCase().indexOf(q) < 0) return false;
    if (code && !r.findings.some(function (f) { return f.code === code; })) return false;
    if (only && r.findings.length === 0) return false;
    return true;
  }
  function findingsOf(r) {
    var code = document.getElementById('code-filter').value;
    return code ? r.findings.filter(function (f) { return f.code === code; }) : r.findings;
  }
  function render() {
    var rows = D.reports.filter(shown).sort(cmp);
    body.textContent = '';
    rows.forEach(function (r) {
      var tr = el('tr', { class: 'report', 'data-file': r.file });
      var first = cell(tr, '');
      var fs = findingsOf(r);
      if (fs.length) {
        var b = el('button', { class: 'toggle', 'aria-expanded': 'false', title: T.expand }, '▸ ' + fs.length + ' ' + T.findings);
        b.addEventListener('click', function () { toggle(tr, r, b); });
        first.appendChild(b);
        first.appendChild(document.createTextNode(' '));
      }
      first.appendChild(document.createTextNode(r.agency || '—'));
      cell(tr, r.year, 'num'); cell(tr, r.format);
      cell(tr, r.counts.error, 'num'); cell(tr, r.counts.warning, 'num'); cell(tr, r.counts.information + r.counts.hint, 'num');
      ['new', 'handled', 'carriedOut', 'review', 'suits'].forEach(function (k) { cell(tr, r.totals[k] === null ? '—' : r.totals[k], 'num'); });
      cell(tr, T.status[r.status], 's-' + r.status);
      cell(tr, r.file, 'file');
      body.appendChild(tr);
    });
    document.getElementById('shown-count').textContent = rows.length + ' / ' + D.reports.length;
    document.querySelectorAll('th[data-key]').forEach(function (th) {
      th.setAttribute('aria-sort', th.getAttribute('data-key') === sortKey ? (sortDir > 0 ? 'ascending' : 'descending') : 'none');
    });
  }
  function toggle(tr, r, b) {
    var next = tr.nextElementSibling;
    if (next && next.classList.contains('details')) {
      next.remove(); b.setAttribute('aria-expanded', 'false'); b.textContent = b.textContent.replace('▾', '▸'); return;
    }
    var d = el('tr', { class: 'details' });
    var td = el('td', { colspan: String(KEYS.length) });
    findingsOf(r).forEach(function (f) {
      var row = el('div', { class: 'finding', 'data-code': f.code });
      row.appendChild(el('span', { class: 'sev-' + f.severity }, T.severity[f.severity]));
      var c = el('span'); c.appendChild(el('code', {}, f.code)); row.appendChild(c);
      row.appendChild(el('span', { class: 'where' }, f.where || '—'));
      row.appendChild(el('span', { class: 'file' }, T.line + ' ' + f.line));
      row.appendChild(el('span', { class: 'message' }, f.message));
      td.appendChild(row);
    });
    d.appendChild(td);
    tr.parentNode.insertBefore(d, tr.nextSibling);
    b.setAttribute('aria-expanded', 'true'); b.textContent = b.textContent.replace('▸', '▾');
  }
  document.querySelectorAll('th[data-key] button').forEach(function (btn) {
    btn.addEventListener('click', function () {
      var k = btn.parentNode.getAttribute('data-key');
      if (k === sortKey) sortDir = -sortDir; else { sortKey = k; sortDir = ['agency', 'format', 'file', 'status'].indexOf(k) >= 0 ? 1 : -1; }
      render();
    });
  });
  var codes = {};
  D.reports.forEach(function (r) { r.findings.forEach(function (f) { codes[f.code] = (codes[f.code] || 0) + 1; }); });
  var sel = document.getElementById('code-filter');
  Object.keys(codes).sort().forEach(function (c) { sel.appendChild(el('option', { value: c }, c + ' (' + codes[c] + ')')); });
  ['agency-filter', 'code-filter', 'only-problems'].forEach(function (id) {
    document.getElementById(id).addEventListener(id === 'agency-filter' ? 'input' : 'change', render);
  });
  render();
})();
`;

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON safe inside a <script> element: no `</script>` or `<!--` can close or open anything. */
function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function toHtml(d: DeskData): string {
  const t = TEXT[d.locale];
  const withErrors = d.reports.filter((r) => r.status === 'error').length;
  const KEYS = ['agency', 'year', 'format', 'errors', 'warnings', 'notes', 'new', 'handled', 'carriedOut', 'review', 'suits', 'status', 'file'];
  const head = t.cols.map((c, i) => `<th data-key="${KEYS[i]}" aria-sort="none"><button type="button">${esc(c)}</button></th>`).join('');
  const unreadable = d.unreadable.length
    ? `<ul class="plain" id="unreadable">${d.unreadable.map((u) => `<li><span class="file">${esc(u.file)}</span>：${esc(u.reason)}</li>`).join('')}</ul>`
    : `<p id="unreadable">${t.none}</p>`;
  const missing = d.missing.length
    ? `<ul class="plain" id="missing">${d.missing.map((m) => `<li>${esc(m.agency)}（${m.year}，${t.rosterIn} <span class="file">${esc(m.roster)}</span>）</li>`).join('')}</ul>`
    : `<p id="missing">${t.none}</p>`;
  return `<!DOCTYPE html>
<html lang="${d.locale === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${esc(d.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${esc(d.title)}</h1>
<div class="meta">${t.generated}：${esc(d.generated.replace('T', ' ').slice(0, 19))} UTC · GovReport</div>
<div class="stats">
<span class="stat" id="stat-reports"><b>${d.reports.length}</b>${t.reports}</span>
<span class="stat" id="stat-errors"><b>${withErrors}</b>${t.withErrors}</span>
<span class="stat" id="stat-unreadable"><b>${d.unreadable.length}</b>${t.unreadable}</span>
<span class="stat" id="stat-missing"><b>${d.missing.length}</b>${t.missing}</span>
${d.dismissed ? `<span class="stat" id="stat-dismissed"><b>${d.dismissed}</b>${t.dismissed}</span>` : ''}
</div>
<div class="controls">
<label>${t.agencyFilter} <input type="search" id="agency-filter" placeholder="${t.agencyFilter}"></label>
<label>${t.codeFilter} <select id="code-filter"><option value="">${t.allCodes}</option></select></label>
<label><input type="checkbox" id="only-problems"> ${t.onlyProblems}</label>
<span>${t.shown} <span id="shown-count"></span></span>
</div>
<table id="reports"><thead><tr>${head}</tr></thead><tbody id="reports-body"></tbody></table>
<h2>${t.missingTitle}（${d.missing.length}）</h2>
${missing}
<h2>${t.unreadableTitle}（${d.unreadable.length}）</h2>
${unreadable}
<script type="application/json" id="desk-data">${scriptJson(d)}</script>
<script type="application/json" id="desk-text">${scriptJson(t)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
