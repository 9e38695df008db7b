// An annual report as an HTML page in the official layout (rowspan/colspan as the format's tables have
// them), for making the originals fixtures. Values come from `values` (row key → list); a missing list means
// zeros; a null entry leaves the cell blank. `thead`: 表三's header rows repeated on each page it runs onto.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const spec = require('../../out/server/src/core/format/spec.js');

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
const td = (text, attrs = '') => `<td${attrs}>${esc(text ?? '')}</td>`;

export function reportHtml({ agency = '示例区人民政府办公室', year = 2023, charset = 'utf-8', values = {}, appeals, proactive = {}, fontSize, sentence, border = 1, thead = false } = {}) {
  const ed = year >= 2021 ? '2021' : '2019';
  const cells = (key, n) => (values[key] ?? Array(n).fill(0)).map((v) => td(v === null ? '' : v)).join('');
  const t = (body) => `<table border="${border}" cellspacing="0" width="100%">\n${body}</table>\n`;
  let t2 = '';
  for (const b of spec.PROACTIVE[ed]) {
    const n = b.columns.length;
    t2 += `<tr>${td(b.caption, ` colspan="${n + 1}"`)}</tr>\n`;
    t2 += `<tr>${td(spec.PROACTIVE_CONTENT_HEADER)}${b.columns.map((c) => td(c.label)).join('')}</tr>\n`;
    for (const r of b.rows) t2 += `<tr>${td(r.label)}${(proactive[r.key] ?? Array(n).fill(0)).map((v) => td(v)).join('')}</tr>\n`;
  }
  const rows = spec.REQUEST_ROWS[ed];
  let t3 = `<tr>${td(spec.REQUESTS_CORNER, ' colspan="3" rowspan="3"')}${td('申请人情况', ' colspan="7"')}</tr>\n`;
  t3 += `<tr>${td('自然人', ' rowspan="2"')}${td('法人或其他组织', ' colspan="5"')}${td('总计', ' rowspan="2"')}</tr>\n`;
  t3 += `<tr>${spec.REQUEST_COLUMNS.slice(1, 6).map((c) => td(c.label)).join('')}</tr>\n`;
  // Header rows as <thead>: Word and LibreOffice repeat them at the top of each page the table runs onto.
  if (thead) t3 = `<thead>\n${t3}</thead>\n`;
  const results = rows.filter((r) => r.group);
  let resultsOpen = false;
  const groupOpen = new Set();
  for (const r of rows) {
    const label = `${r.numbering}${r.label}`;
    if (!r.group) {
      t3 += `<tr>${td(label, ' colspan="3"')}${cells(r.key, 7)}</tr>\n`;
      continue;
    }
    let lead = '';
    if (!resultsOpen) {
      lead += td('三、本年度办理结果', ` rowspan="${results.length}"`);
      resultsOpen = true;
    }
    if (r.group === 'results') lead += td(label, ' colspan="2"');
    else {
      if (!groupOpen.has(r.group)) {
        const g = spec.REQUEST_GROUPS.find((x) => x.key === r.group);
        lead += td(`${g.numbering}${g.label}`, ` rowspan="${rows.filter((x) => x.group === r.group).length}"`);
        groupOpen.add(r.group);
      }
      lead += td(label);
    }
    t3 += `<tr>${lead}${cells(r.key, 7)}</tr>\n`;
  }
  const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  let t4 = `<tr>${td('行政复议', ' colspan="5"')}${td('行政诉讼', ' colspan="10"')}</tr>\n`;
  t4 += `<tr>${outcomes.map((o) => td(o, ' rowspan="2"')).join('')}${td('未经复议直接起诉', ' colspan="5"')}${td('复议后起诉', ' colspan="5"')}</tr>\n`;
  t4 += `<tr>${[...outcomes, ...outcomes].map((o) => td(o)).join('')}</tr>\n`;
  t4 += `<tr>${(appeals ?? Array(15).fill(0)).map((v) => td(v === null ? '' : v)).join('')}</tr>\n`;
  const p = (s) => `<p>${esc(s)}</p>\n`;
  const style = fontSize ? ` style="font-size:${fontSize}pt"` : '';
  return `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>${esc(agency)}${year}年政府信息公开工作年度报告</title></head>
<body${style}>
<h1>${esc(agency)}${year}年政府信息公开工作年度报告</h1>
${p(`本报告依据《中华人民共和国政府信息公开条例》编制。本年度报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`)}
<h2>一、总体情况</h2>
${p(sentence ?? `${year}年，我办认真贯彻落实政府信息公开工作要求，全年主动公开政府信息120条。`)}
<h2>二、主动公开政府信息情况</h2>
${t(t2)}<h2>三、收到和处理政府信息公开申请情况</h2>
${t(t3)}<h2>四、政府信息公开行政复议、行政诉讼情况</h2>
${t(t4)}<h2>五、存在的主要问题及改进情况</h2>
${p('一是公开内容还不够全面；二是解读形式还不够丰富。下一步将加强培训，提高公开质量。')}
<h2>六、其他需要报告的事项</h2>
${p('本年度未收取信息处理费。')}
</body></html>
`;
}
