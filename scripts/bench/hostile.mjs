// 6. Hostile input. Bursts: thousands of didChange notifications sent without waiting (as a client replaying
//    a macro or a paste split into keystrokes does): edits sent, pushes received, time from the last edit to
//    its diagnostics, and a hover sent in the middle of the burst.
import { BenchClient } from './lsp.mjs';
import { heading, ms, printTable } from './stats.mjs';
import { bigReport, seeds } from './texts.mjs';

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
