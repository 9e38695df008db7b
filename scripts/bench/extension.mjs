// 4. The extension: bundle sizes, the .vsix, and activate() timed in plain Node with a stub 'vscode' module.
import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, inflateRawSync } from 'node:zlib';
import { bytes, heading, ms, printTable, summarize } from './stats.mjs';
import { ROOT } from './texts.mjs';

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'activate-worker.cjs');
const quick = process.env.BENCH_QUICK === '1';

/** The entries of a zip file (a .vsix) from its central directory: name, size, compressed size. */
function zipEntries(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return [];
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out = [];
  for (let k = 0; k < count && buf.readUInt32LE(at) === 0x02014b50; k++) {
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const method = buf.readUInt16LE(at + 10);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    out.push({
      name, size, compressed,
      /** The entry's bytes (stored or deflated). */
      read() {
        const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const data = buf.subarray(start, start + compressed);
        return method === 8 ? inflateRawSync(data) : Buffer.from(data);
      },
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

const isMinified = (text) => text.length / Math.max(1, text.split('\n').length) > 500;

export function benchSizes(summary) {
  heading('4a. Bundle sizes');
  const dist = path.join(ROOT, 'dist');
  const rows = [['file', 'size', 'gzip -9 / in zip', 'minified']];
  for (const f of readdirSync(dist).filter((f) => f.endsWith('.js')).sort()) {
    const buf = readFileSync(path.join(dist, f));
    const gz = gzipSync(buf, { level: 9 }).length;
    const min = isMinified(buf.toString('utf8'));
    rows.push([`dist/${f}`, bytes(buf.length), bytes(gz), min ? 'yes' : 'no']);
    summary.push({ figure: `bundle dist/${f}${min ? ', minified' : ''} (gzip)`, value: `${bytes(buf.length)} (${bytes(gz)})`, target: '—' });
  }
  const vsixes = readdirSync(ROOT).filter((f) => f.endsWith('.vsix'));
  const vsix = vsixes.includes('govreport.vsix') ? 'govreport.vsix' : vsixes[0];
  if (vsix) {
    const file = path.join(ROOT, vsix);
    const size = statSync(file).size;
    const entries = zipEntries(readFileSync(file));
    const total = entries.reduce((a, e) => a + e.size, 0);
    rows.push([`${vsix} (${entries.length} files, ${bytes(total)} unpacked; built ${statSync(file).mtime.toISOString().slice(0, 16)})`, bytes(size), '', '']);
    for (const e of entries.filter((e) => e.name.endsWith('.js')).sort((a, b) => b.size - a.size)) {
      rows.push([`  ${e.name}`, bytes(e.size), bytes(e.compressed), '']);
    }
    summary.push({ figure: `package ${vsix} (${entries.length} files)`, value: `${bytes(size)} (${bytes(total)} unpacked)`, target: '—' });
    for (const e of entries.filter((e) => /extension\/dist\/\w+\.js$/.test(e.name))) {
      summary.push({ figure: `  in the package: ${e.name.replace(/^extension\//, '')}`, value: bytes(e.size), target: '—' });
    }
  } else {
    rows.push(['govreport.vsix', 'not present', '']);
    summary.push({ figure: 'package govreport.vsix', value: 'not present (run `npm run package` first)', target: '—' });
  }
  printTable(rows);
  console.log('  dist/ as found after the build step (scripts/build.mjs does not minify; `npm run package` rebuilds dist/ minified,');
  console.log('  so a concurrent packaging run changes these); source maps not counted. The .vsix is measured as found.');
}

function activateOnce(clientFile) {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [clientFile], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result;
    child.on('message', (m) => (result = m));
    child.on('error', reject);
    child.on('exit', () => (result && !result.error ? resolve(result) : reject(new Error(result?.error ?? 'activation worker died'))));
  });
}

/** The packaged (minified) client from the .vsix, written to a temporary folder; undefined without a .vsix. */
function packagedClient() {
  const vsix = path.join(ROOT, 'govreport.vsix');
  if (!existsSync(vsix)) return undefined;
  const entry = zipEntries(readFileSync(vsix)).find((e) => e.name === 'extension/dist/client.js');
  if (!entry) return undefined;
  const dir = mkdtempSync(path.join(tmpdir(), 'govreport-bench-'));
  const file = path.join(dir, 'client.js');
  writeFileSync(file, entry.read());
  return { file, dir };
}

async function activationRuns(clientFile, n) {
  const runs = [];
  for (let i = 0; i < n; i++) runs.push(await activateOnce(clientFile));
  const col = (f) => summarize(runs.map(f).filter((x) => typeof x === 'number'));
  return {
    runs,
    load: col((r) => r.loadMs),
    activate: col((r) => r.activateMs),
    reportedLoad: col((r) => r.reported?.loadMs),
    reportedActivate: col((r) => r.reported?.activateMs),
    fork: col((r) => r.forks[0]?.ms),
    ready: col((r) => r.readyMs),
  };
}

export async function benchActivation(summary) {
  heading('4b. Extension activation in plain Node (stub vscode module), fresh process per run');
  const dev = path.join(ROOT, 'dist', 'client.js');
  if (!existsSync(dev)) {
    console.log('  dist/client.js is not built (client/src/extension.ts missing?): activation not measured.');
    summary.push({ figure: 'extension activation', value: 'not measured: no dist/client.js', target: '—' });
    return undefined;
  }
  const n = quick ? 4 : 12;
  const variants = [['dist/client.js', dev]];
  const packaged = packagedClient();
  if (packaged) variants.push(['client.js from govreport.vsix (minified)', packaged.file]);
  const results = [];
  try {
    for (const [name, file] of variants) results.push({ name, ...(await activationRuns(file, n)) });
  } catch (err) {
    console.log(`  could not activate the extension outside VS Code: ${err.message.split('\n').slice(0, 6).join('\n  ')}`);
    summary.push({ figure: 'extension activation', value: `not measured: ${err.message.split('\n')[0]}`, target: '—' });
    return undefined;
  } finally {
    if (packaged) rmSync(packaged.dir, { recursive: true, force: true });
  }
  const rows = [['bundle', 'what', 'median', 'p95', 'min', 'runs']];
  const row = (b, what, st) => rows.push([b, what, ms(st.median), ms(st.p95), ms(st.min), String(st.n)]);
  for (const r of results) {
    row(r.name, 'require(bundle): read + compile + run it', r.load);
    row('', 'activate(context), synchronous: the extension\'s own work', r.activate);
    row('', '  as the extension logs it: activateMs', r.reportedActivate);
    row('', '  as the extension logs it: loadMs (clock.ts → activate)', r.reportedLoad);
    row('', 'child_process.fork(dist/server.js), after activate returned', r.fork);
    row('', 'activate → client ready (server up, initialize answered)', r.ready);
  }
  printTable(rows);
  const r0 = results[0].runs[0];
  console.log(`  activate() registered ${r0.calls.registerCommand} commands, ${r0.calls.registerProvider} providers, ${r0.calls.createStatusBarItem} status bar item, ${r0.subscriptions} subscriptions;`);
  console.log(`  the server is forked ${r0.forks[0] ? `${ms(r0.forks[0].afterActivateMs)} after activate() returned (not inside it)` : 'never (client start failed?)'}.`);
  console.log('  Timed with a stub vscode module: the editor\'s own work (extension host, API calls) is not included.');
  for (const r of results) {
    if (r.runs.some((x) => x.readyError)) console.log(`  ${r.name}: ready() failed in some runs: ${r.runs.find((x) => x.readyError).readyError}`);
    summary.push({ figure: `extension (${r.name}): load the bundle`, value: `${ms(r.load.median)} (p95 ${ms(r.load.p95)})`, target: '—' });
    summary.push({ figure: `extension (${r.name}): activate() synchronous, own work`, value: `${ms(r.activate.median)} (p95 ${ms(r.activate.p95)})`, target: '—' });
    summary.push({ figure: `extension (${r.name}): activate → language client ready`, value: `${ms(r.ready.median)} (p95 ${ms(r.ready.p95)})`, target: '—' });
  }
  return results;
}
