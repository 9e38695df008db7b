// Moves a fixture's expected findings from its sidecar into the report as inline markers (see
// test/helpers/fixtures.ts): `{{code}}` at the end of the line a finding starts on, `{{code: words}}` where the
// sidecar expects words in its message. What else the sidecar holds (description, model, options, previous)
// stays; a sidecar left with only its description is kept too, as the fixture's note.
// Usage: node scripts/fixtures-inline.mjs FIXTURE.txt...
import { readFileSync, writeFileSync } from 'node:fs';

for (const file of process.argv.slice(2)) {
  const side = file.replace(/\.(txt|md)$/, '.expected.json');
  const exp = JSON.parse(readFileSync(side, 'utf8'));
  if (!exp.diagnostics) continue;
  const raw = readFileSync(file, 'utf8');
  const parts = raw.split(/(\r\n|\n|\r)/);
  const messages = exp.messages ?? {};
  for (const [code, line] of exp.diagnostics) {
    const i = (line - 1) * 2;
    if (i >= parts.length) throw new Error(`${file}: line ${line} is past the end`);
    const words = messages[`${code}@${line}`];
    parts[i] += words ? ` {{${code}: ${words}}}` : ` {{${code}}}`;
    delete messages[`${code}@${line}`];
  }
  if (Object.keys(messages).length) throw new Error(`${file}: messages without a finding: ${Object.keys(messages)}`);
  delete exp.diagnostics;
  delete exp.messages;
  writeFileSync(file, parts.join(''));
  writeFileSync(side, JSON.stringify(exp, null, 2) + '\n');
}
