// 2. Typing into the real language server (dist/server.js over stdio): didChange → publishDiagnostics of that
//    version (push client, like Neovim), and didChange → textDocument/diagnostic answer (pull client).
// 3. Resident memory of the server with 50 seed reports open.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { BenchClient } from './lsp.mjs';
import { bytes, heading, ms, printTable, summarize } from './stats.mjs';
import { bigReport, seeds, utf8Bytes } from './texts.mjs';

const quick = process.env.BENCH_QUICK === '1';

/**
 * Where to type: `count` sites spread over the text, alternating prose (the middle of a long line without
 * tabs) and table cells (just after a number in a tab-separated row, where typing digits changes the sums).
 */
function typingSites(text, count) {
  const lines = text.split(/\r?\n/);
  const prose = [];
  const cells = [];
  lines.forEach((l, line) => {
    if (!l.includes('\t') && l.length >= 20 && !/^\s*#/.test(l)) prose.push({ kind: 'prose', line, character: Math.floor(l.length / 2) });
    if (l.includes('\t')) {
      const m = /\d+(?=\t|$)/g;
      let hit;
      let last;
      while ((hit = m.exec(l))) last = hit;
      if (last) cells.push({ kind: 'cell', line, character: last.index + last[0].length });
    }
  });
  const pick = (list, n) => Array.from({ length: Math.min(n, list.length) }, (_, i) => list[Math.floor((i * list.length) / n)]);
  const half = Math.ceil(count / 2);
  const a = pick(prose, half);
  const b = pick(cells, count - half);
  const out = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i]) out.push(a[i]);
    if (b[i]) out.push(b[i]);
  }
  return out;
}

/**
 * The edits: at each site type five characters one by one (prose: 工作公开年报; cells: digits), then delete
 * them one by one with backspace, so the text is the same after each site. One character per didChange.
 */
function* typingEdits(sites, total) {
  const PER_SITE = 5;
  let n = 0;
  for (let s = 0; n < total; s = (s + 1) % sites.length) {
    const site = sites[s];
    const chars = site.kind === 'cell' ? '71342' : '工作公开年';
    for (let i = 0; i < PER_SITE && n < total; i++, n++) {
      const at = { line: site.line, character: site.character + i };
      yield { kind: site.kind, range: { start: at, end: at }, text: chars[i] };
    }
    for (let i = PER_SITE; i > 0 && n < total; i--, n++) {
      yield { kind: site.kind, range: { start: { line: site.line, character: site.character + i - 1 }, end: { line: site.line, character: site.character + i } }, text: '' };
    }
  }
}

/** Types `edits` edits into a freshly opened document; per-edit latency in ms, split by kind. */
async function typeInto(client, uri, text, edits) {
  const t0 = performance.now();
  client.open(uri, text);
  if (client.pull) await client.pullDiagnostics(uri);
  else await client.waitPushed(uri, 1);
  const openMs = performance.now() - t0;
  const all = [];
  const byKind = { prose: [], cell: [] };
  const cpu0 = client.cpuMs();
  let findings = 0;
  let declined = false;
  for (const e of typingEdits(typingSites(text, Math.ceil(edits / 10)), edits)) {
    const start = performance.now();
    const version = client.change(uri, e.range, e.text);
    let end;
    if (client.pull) {
      const r = await client.pullDiagnostics(uri);
      end = performance.now();
      findings = r.items?.length ?? findings;
      declined = !!r.items?.some((d) => d.code === 'file-too-large');
    } else {
      const r = await client.waitPushed(uri, version);
      end = r.at;
      findings = r.params.diagnostics.length;
      declined = r.params.diagnostics.some((d) => d.code === 'file-too-large');
    }
    all.push(end - start);
    byKind[e.kind].push(end - start);
  }
  if (declined) console.log(`  WARNING: the server declined to check ${uri} (file-too-large): its figures measure nothing`);
  return { openMs, all, byKind, findings, cpuPerEdit: (client.cpuMs() - cpu0) / all.length };
}

export async function benchTyping(summary) {
  heading('2. Typing into the language server (dist/server.js --stdio), one character per didChange');
  const list = seeds();
  const big = bigReport(list);
  const seedEdits = quick ? 100 : 500;
  const bigEdits = { push: quick ? 20 : 60, pull: quick ? 10 : 40 };
  console.log(`  seeds: ${seedEdits} edits each; ~1 MB report (${(utf8Bytes(big) / 1e6).toFixed(2)} MB UTF-8, ${big.length} characters, ${big.split('\n').length} lines): ${bigEdits.push} push / ${bigEdits.pull} pull edits`);
  const rows = [['client', 'document', 'edits', 'open→diags', 'p50', 'p95', 'max', 'p95 prose', 'p95 cells', 'server CPU/edit', 'diagnostics']];
  const results = {};
  for (const mode of ['push', 'pull']) {
    const client = new BenchClient({ pull: mode === 'pull' });
    try {
      const startMs = await client.initialize();
      console.log(`  ${mode} client: server started (spawn → initialize answer) in ${ms(startMs)}`);
      // Warm-up: the first few hundred checks run in a cold VM (interpreter, then JIT). Measured, not counted.
      const warm = await typeInto(client, `file:///bench/typing/${mode}/warm-up.txt`, list[0].text, quick ? 100 : 300);
      const ws = summarize(warm.all);
      rows.push([mode, `warm-up: seed ${list[0].name}, cold server`, String(warm.all.length), ms(warm.openMs), ms(ws.median), ms(ws.p95), ms(ws.max), '', '', ms(warm.cpuPerEdit), '']);
      results[`${mode} cold`] = { ...ws, openMs: warm.openMs };
      const pooled = [];
      let cpuTotal = 0;
      for (const s of list) {
        const r = await typeInto(client, `file:///bench/typing/${mode}/${s.name}.txt`, s.text, seedEdits);
        pooled.push(...r.all);
        cpuTotal += r.cpuPerEdit * r.all.length;
        const st = summarize(r.all);
        rows.push([mode, `seed ${s.name}`, String(r.all.length), ms(r.openMs), ms(st.median), ms(st.p95), ms(st.max), ms(summarize(r.byKind.prose).p95), ms(summarize(r.byKind.cell).p95), ms(r.cpuPerEdit), String(r.findings)]);
        results[`${mode} seed ${s.name}`] = st;
      }
      const ps = summarize(pooled);
      rows.push([mode, 'all seeds pooled', String(pooled.length), '', ms(ps.median), ms(ps.p95), ms(ps.max), '', '', ms(cpuTotal / pooled.length), '']);
      results[`${mode} seeds cpu`] = cpuTotal / pooled.length;
      results[`${mode} seeds`] = ps;
      const r = await typeInto(client, `file:///bench/typing/${mode}/big.txt`, big, bigEdits[mode]);
      const st = summarize(r.all);
      rows.push([mode, '~1 MB report', String(r.all.length), ms(r.openMs), ms(st.median), ms(st.p95), ms(st.max), ms(summarize(r.byKind.prose).p95), ms(summarize(r.byKind.cell).p95), ms(r.cpuPerEdit), String(r.findings)]);
      results[`${mode} big cpu`] = r.cpuPerEdit;
      results[`${mode} big`] = st;
      results[`${mode} big open`] = r.openMs;
      const mem = client.memory();
      console.log(`  ${mode} client: server RSS after typing (6 documents open incl. the 1 MB one): ${bytes(mem.rss)} (peak ${bytes(mem.hwm)})`);
    } finally {
      await client.shutdown();
    }
  }
  printTable(rows);
  console.log('  latency: from sending didChange to receiving publishDiagnostics of that version (push) / the diagnostic answer (pull),');
  console.log('  edits sent one after another, each once the previous one\'s diagnostics arrived; the seeds are measured after');
  console.log('  the warm-up row (a cold server JIT-compiles the checker during its first few hundred checks).');
  console.log('  server CPU/edit: the server process\'s user + system CPU time (/proc/<pid>/stat, all its threads) per edit;');
  console.log('  a latency far above it is time spent waiting for a core, i.e. machine load, not work.');

  for (const mode of ['push', 'pull']) {
    const target = mode === 'push' ? '' : ' (no target set; same bar)';
    for (const s of list) {
      const st = results[`${mode} seed ${s.name}`];
      summary.push({ figure: `typing ${mode}, seed ${s.name}: p50 / p95${target}`, value: `${ms(st.median)} / ${ms(st.p95)}`, target: 'p95 < 15 ms', met: st.p95 < 15 });
    }
    const ps = results[`${mode} seeds`];
    summary.push({ figure: `typing ${mode}, all seeds pooled: p50 / p95${target}`, value: `${ms(ps.median)} / ${ms(ps.p95)}`, target: 'p95 < 15 ms', met: ps.p95 < 15 });
    summary.push({ figure: `typing ${mode}, seeds: server CPU time per edit`, value: ms(results[`${mode} seeds cpu`]), target: '—' });
    const b = results[`${mode} big`];
    summary.push({ figure: `typing ${mode}, ~1 MB report: p50 / p95${target}`, value: `${ms(b.median)} / ${ms(b.p95)}`, target: 'p95 < 150 ms', met: b.p95 < 150 });
    summary.push({ figure: `typing ${mode}, ~1 MB report: server CPU time per edit`, value: ms(results[`${mode} big cpu`]), target: '—' });
    summary.push({ figure: `open ~1 MB report → first diagnostics (${mode})`, value: ms(results[`${mode} big open`]), target: '—' });
    const cold = results[`${mode} cold`];
    summary.push({ figure: `typing ${mode}, cold server (warm-up, not counted above): p50 / p95`, value: `${ms(cold.median)} / ${ms(cold.p95)}`, target: '—' });
  }
  return results;
}

/** RSS of a bare Node process doing nothing, for reference. */
async function bareNodeRss() {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 5000)'], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 1000));
  const rss = Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]) * 1024;
  child.kill();
  return rss;
}

export async function benchMemory(summary) {
  heading('3. Server memory: seed reports open (10 copies of each seed = 50, distinct URIs), push client');
  const bare = await bareNodeRss();
  const client = new BenchClient({ pull: false });
  const rows = [['documents open', 'VmRSS', 'VmHWM (peak)', 'open → all diagnostics']];
  const at = {};
  let idle;
  try {
    await client.initialize();
    await new Promise((r) => setTimeout(r, 300));
    idle = client.memory();
    rows.push(['bare Node (node -e, for reference)', bytes(bare), '', '']);
    rows.push(['0 (after initialize)', bytes(idle.rss), bytes(idle.hwm), '']);
    let open = 0;
    for (const target of [10, 50, 100]) {
      const waits = [];
      const t0 = performance.now();
      for (; open < target; open++) {
        const s = seeds()[open % 5];
        const uri = `file:///bench/memory/copy-${Math.floor(open / 5)}/${s.name}.txt`;
        client.open(uri, s.text);
        waits.push(client.waitPushed(uri, 1));
      }
      await Promise.all(waits);
      const allMs = performance.now() - t0;
      const now = client.memory();
      await new Promise((r) => setTimeout(r, 1000));
      const later = client.memory();
      at[target] = { now, later, allMs };
      rows.push([`${target}${target === 50 ? ' (the target)' : ''}`, `${bytes(now.rss)}, 1 s later ${bytes(later.rss)}`, bytes(later.hwm), ms(allMs)]);
    }
  } finally {
    await client.shutdown();
  }
  printTable(rows);
  const perDoc = (at[100].later.rss - at[50].later.rss) / 50;
  console.log(`  marginal cost per further seed document (50 → 100 open): ${bytes(perDoc)}; the rest is the server's own start-up`);
  console.log('  (bundle, zod, compiled code) and V8 heap headroom (the young generation grows while the checker allocates ~1 MB per check).');
  const fifty = at[50];
  summary.push({ figure: 'server RSS, 50 seeds open (after diagnostics; 1 s later)', value: `${bytes(fifty.now.rss)}; ${bytes(fifty.later.rss)}`, target: '< 100 MB', met: Math.max(fifty.now.rss, fifty.later.rss) < 100e6 });
  summary.push({ figure: 'server RSS, idle after initialize (bare Node)', value: `${bytes(idle.rss)} (${bytes(bare)})`, target: '—' });
  summary.push({ figure: 'server RSS, marginal per seed document (50 → 100 open)', value: bytes(perDoc), target: '—' });
  return { idle, at, bare };
}
