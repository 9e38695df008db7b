// Dev aid: node scripts/diag.js [--en] FILE...
const { checkText } = require('../out/server/src/core/service.js');
const fs = require('fs');
const en = process.argv.includes('--en');
for (const f of process.argv.slice(2).filter((a) => !a.startsWith('--'))) {
  const { findings } = checkText(fs.readFileSync(f, 'utf8').replace(/^\uFEFF/, ''), { locale: en ? 'en' : 'zh' });
  console.log('==', f, findings.length);
  for (const d of findings) console.log(`  ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.severity[0]} ${d.code}: ${d.message}${d.fix ? '  [fix: ' + d.fix.title + ']' : ''}${d.related?.length ? ' +' + d.related.length + ' related' : ''}`);
}
