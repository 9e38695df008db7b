// 6. Hostile input. Bursts: thousands of didChange notifications sent without waiting (as a client replaying
//    a macro or a paste split into keystrokes does): edits sent, pushes received, time from the last edit to
//    its diagnostics, and a hover sent in the middle of the burst. Then a 50 MB report file (6b).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BenchClient } from './lsp.mjs';
import { bytes, heading, ms, printTable } from './stats.mjs';
import { bigReport, ROOT, seeds } from './texts.mjs';

const quick = process.env.BENCH_QUICK === '1';

/** Sends `edits` edits at once into a fresh document (a digit typed and deleted at a cell, in turn). */
async function burst(client, uri, text, edits) {
  client.open(uri, text);
  await client.waitPushed(uri, 1);
  const pushesBefore = client.pushCount.get(uri) ?? 0;
  const lines = text.split('\n');
  const line = Math.max(0, lines.findIndex((l) => l.includes('\t') && /\d/.test(l)));
  const at = { line, character: 0 };
  let version = 1;
  let hover;
  const t0 = performance.now();
  for (let i = 0; i < edits; i++) {
    const insert = i % 2 === 0;
    version = client.change(uri, insert ? { start: at, end: at } : { start: at, end: { line, character: 1 } }, insert ? '7' : '');
    if (i === Math.floor(edits / 2)) {
      const h0 = performance.now();
      hover = client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 2 } }).then(() => performance.now() - h0);
    }
  }
  const sentMs = performance.now() - t0;
  const tLast = performance.now();
  const { at: pushedAt } = await client.waitPushed(uri, version);
  const hoverMs = await hover;
  return { edits, sentMs, pushes: (client.pushCount.get(uri) ?? 0) - pushesBefore, lastMs: pushedAt - tLast, hoverMs };
}

export async function benchBurst(summary) {
  heading('6. Bursts: didChange notifications sent at once into the real server (push client)');
  const list = seeds();
  const cases = [
    { name: `seed ${list[2].name}`, text: list[2].text, edits: quick ? 2000 : 10_000 },
    { name: '~1 MB report', text: bigReport(list), edits: quick ? 500 : 2000 },
  ];
  const rows = [['document', 'edits sent', 'sending took', 'pushes received', 'last edit → its diagnostics', 'hover sent mid-burst → answer']];
  const client = new BenchClient({ pull: false });
  try {
    await client.initialize();
    // Warm up the checker so the figures are of a warm server, as in an editor session.
    await burst(client, 'file:///bench/burst/warm.txt', list[0].text, 300);
    for (const c of cases) {
      const r = await burst(client, `file:///bench/burst/${c.name.replace(/\W+/g, '-')}.txt`, c.text, c.edits);
      rows.push([c.name, String(r.edits), ms(r.sentMs), String(r.pushes), ms(r.lastMs), ms(r.hoverMs)]);
      summary.push({ figure: `burst, ${c.name}: edits sent / pushes received / last edit → its diagnostics`, value: `${r.edits} / ${r.pushes} / ${ms(r.lastMs)}`, target: 'last < 1 s', met: r.lastMs < 1000 });
      summary.push({ figure: `burst, ${c.name}: hover sent mid-burst → answer`, value: ms(r.hoverMs), target: '—' });
    }
  } finally {
    await client.shutdown();
  }
  printTable(rows);
  console.log('  "last edit → its diagnostics" runs from sending the last didChange to receiving the push of its version; the');
  console.log('  server checks only the newest version that has arrived, so pushes are few whatever the number of edits.');
}

/**
 * 6b. Files far over the size limit: a 50 MB report file is refused by a stat before it is read. Wall time and
 * peak memory of `govreport check|parse|fix|text` on it, and of the server's workspace check of it.
 */
/** Runs the CLI; wall ms and the child's peak resident memory (GNU time's %M, when /usr/bin/time is there). */
function timedCli(args) {
  const t0 = performance.now();
  const time = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, path.join(ROOT, 'dist', 'cli.js'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = performance.now() - t0;
  if (time.error) return { wall, rss: NaN, status: null };
  const kb = Number(time.stderr.trim().split('\n').pop());
  return { wall, rss: kb * 1024, status: time.status };
}

export async function benchLargeFiles(summary) {
  heading('6b. A 50 MB report file (refused by a stat before reading): CLI and the server\'s workspace check');
  const dir = mkdtempSync(path.join(tmpdir(), 'govreport-bench-large-'));
  const file = path.join(dir, 'huge.txt');
  try {
    // Written for real (not sparse), so that a read would cost what reading 50 MB costs.
    const line = `${'某'.repeat(30)}\t1\t2\t3\n`;
    writeFileSync(file, line.repeat(Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(line))));
    truncateSync(file, 50 * 1024 * 1024);
    const rows = [['what', 'wall', 'peak RSS', 'exit']];
    for (const cmd of ['check', 'parse', 'fix', 'text']) {
      const r = timedCli([cmd, file]);
      rows.push([`govreport ${cmd} (50 MB)`, ms(r.wall), bytes(r.rss), String(r.status)]);
      summary.push({ figure: `CLI ${cmd} of a 50 MB file: wall / peak RSS`, value: `${ms(r.wall)} / ${bytes(r.rss)}`, target: '< 1 s, < 100 MB', met: r.wall < 1000 && !(r.rss >= 100e6) });
    }
    const client = new BenchClient({ pull: false, workspaceFolders: [dir] });
    try {
      await client.initialize();
      const before = client.memory();
      const t0 = performance.now();
      await client.conn.sendRequest('govreport/checkFiles', { uris: [pathToFileURL(file).toString()] });
      const wall = performance.now() - t0;
      const after = client.memory();
      rows.push(['server govreport/checkFiles (50 MB)', ms(wall), `${bytes(after.hwm)} (before ${bytes(before.hwm)})`, '']);
      summary.push({ figure: 'server checkFiles of a 50 MB file: wall / peak RSS (before)', value: `${ms(wall)} / ${bytes(after.hwm)} (${bytes(before.hwm)})`, target: '—' });
    } finally {
      await client.shutdown();
    }
    printTable(rows);
    console.log('  check and the server report file-too-large; parse, fix and text exit 2. Before the stat, check and fix read the whole');
    console.log('  file (fix at 50 MB was killed after 120 s; parse of 50 MB took 39 s).');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
