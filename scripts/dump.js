// Dev aid: prints the model of a report compactly. node scripts/dump.js FILE
const { parseReport } = require('../out/server/src/core/parse/index.js');
const fs = require('fs');
for (const f of process.argv.slice(2)) {
  const m = parseReport(fs.readFileSync(f, 'utf8').replace(/^\uFEFF/, ''));
  const r = (x) => x ? `${x.start.line + 1}:${x.start.character}-${x.end.line + 1}:${x.end.character}` : '-';
  console.log(`== ${f}\n isReport=${m.isReport} title=${m.title && m.title.text} agency=${m.agency} year=${m.year} format=${m.format} expected=${m.expectedFormat}`);
  console.log(` period=${m.period ? `${m.period.start.year}-${m.period.start.month}-${m.period.start.day}..${m.period.end.year}-${m.period.end.month}-${m.period.end.day} @${r(m.period.range)}` : '-'}`);
  for (const s of m.sections) console.log(` §${s.number} [${s.heading.numeral.text}|${s.heading.title.text}] score=${s.heading.score.toFixed(2)} ${r(s.range)} subs=${s.subheadings.map(x => x.numeral + x.title).join(' / ')}`);
  console.log(` missing=${m.missingSections}`);
  for (const [k, t] of Object.entries(m.tables)) {
    console.log(` table ${k} ed=${t.edition} confident=${t.confident} ${t.doubt || ''} range=${r(t.range)} cols=${t.columns.filter(c => c.present).map(c => c.key)} missingRows=${t.missingRows} stray=${t.strayRows.length}`);
    for (const [rk, row] of t.rows) console.log(`   ${rk.padEnd(12)} L${row.range.start.line + 1} [${row.label ? row.label.text : '-'}] s=${row.labelScore.toFixed(2)} n=${row.valueCount} ${row.cells.map(c => c.state === 'number' ? c.value : c.state[0]).join(' ')}${row.extra.length ? ' extra=' + row.extra.length : ''}${row.doubled.length ? ' dbl=' + row.doubled.length : ''}`);
    for (const s of t.strayRows) console.log(`   STRAY L${s.range.start.line + 1} ${s.cells.map(c => c.raw).join(' ')}`);
    if (t.labels.length) console.log('   labels:', t.labels.map(l => `${l.key}:${l.written.text}->${l.canonical}`).join(' | '));
    if (t.groups.length) console.log('   groups:', t.groups.map(g => g.text).join(' | '));
    if (t.unknownLabels.length) console.log('   unknown:', t.unknownLabels.map(g => g.text).join(' | '));
    if (t.debris.length) console.log('   debris:', t.debris.map(d => d.kind + '@' + r(d.range)).join(' '));
  }
  console.log(' prose:', m.prose.map(p => `${p.key}=${p.value}@${p.range.start.line + 1}`).join(' '));
  console.log(' debris:', m.debris.map(d => d.kind + '@' + r(d.range)).join(' '), 'directives:', m.directives.length);
}
