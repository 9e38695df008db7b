// The core per report on a folder (section 6), in a fresh process: `node [V8 flags] folder-core.mjs DIR PASSES`
// runs checkText (out/server/src/core/service.js) on every file of DIR in turn, PASSES times, and prints as JSON
// each pass's time per report and the process's CPU time for it. The first pass is the cold one, as a worker
// or a fresh `govreport check` sees it; the later ones are warm.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { ROOT } from './texts.mjs';

const require = createRequire(import.meta.url);
const [dir, passes = '3'] = process.argv.slice(2);

function files(d) {
  const out = [];
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) out.push(...files(p));
    else out.push(p);
  }
  return out.sort();
}

const { checkText } = require(path.join(ROOT, 'out', 'server', 'src', 'core', 'service.js'));
const texts = files(dir).map((f) => readFileSync(f, 'utf8'));
const result = [];
for (let p = 0; p < Number(passes); p++) {
  const times = [];
  const c0 = process.cpuUsage();
  for (const x of texts) {
    const t0 = performance.now();
    checkText(x, {});
    times.push(performance.now() - t0);
  }
  const c = process.cpuUsage(c0);
  result.push({ times, cpu: (c.user + c.system) / 1000 });
}
process.stdout.write(JSON.stringify(result));
