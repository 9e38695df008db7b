// Folders of reports for the folder benchmark: N files in a temporary folder (never committed), a fifth of
// them the five seed reports (under other agencies' names) and the rest rendered by the property-test
// generator in every shape. Deterministic: the same N gives the same files.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { seeds } from './texts.mjs';
import { ROOT } from './texts.mjs';

const GEN = path.join(ROOT, 'out', 'test', 'helpers', 'generate.js');

/** Writes `n` reports into a new temporary folder (in subfolders of 100, as a reviewer's folders are). */
export async function makeCorpus(n) {
  const gen = await import(pathToFileURL(GEN).href);
  const dir = mkdtempSync(path.join(tmpdir(), `govreport-corpus-${n}-`));
  const s = seeds();
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    let text;
    if (i % 5 === 0) {
      text = s[(i / 5) % s.length].text;
    } else {
      const r = new gen.Rand(1000 + i);
      const data = gen.randomReport(r);
      data.agency = `第${i}街道办事处`;
      text = gen.render(data, gen.randomOptions(r), r);
    }
    const sub = path.join(dir, `part${String(Math.floor(i / 100)).padStart(2, '0')}`);
    if (i % 100 === 0) mkdirSync(sub, { recursive: true });
    const file = path.join(sub, `${String(i).padStart(5, '0')}_年度报告.txt`);
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
  }
  return { dir, n, bytes, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
