// 5. What travels for diagnostics and code actions (issue 10, "Amplification"): the size of a diagnostics push
//    and of the largest code-action reply, on every seed and on a report whose 199 table cells are all "/"
//    (every cell a table-cell-blank finding: the case where a fix carried in each diagnostic multiplies).
//    The client announces what VS Code announces (pull off here, so diagnostics are pushed; codeAction/resolve
//    for `edit`); actions that come back without their edit are resolved, and the resolve reply counts too.
import { BenchClient } from './lsp.mjs';
import { bytes, heading, ms, printTable } from './stats.mjs';
import { seeds, utf8Bytes } from './texts.mjs';

/** Seed 004 (a clean report) with every number of its tables replaced by "/": 199 blank cells. */
function allBlank(seed) {
  return seed.text.split('\n').map((l) => (l.includes('\t') ? l.replace(/\t\d+(?=\t|$)/g, '\t/') : l)).join('\n');
}

const size = (x) => utf8Bytes(JSON.stringify(x ?? null));

async function measure(client, name, text) {
  const uri = `file:///bench/actions/${name}.txt`;
  const v = client.open(uri, text);
  const { params } = await client.waitPushed(uri, v);
  const diagnostics = params.diagnostics;
  const push = size(params);
  let largest = 0;
  let largestWhat = '';
  let replies = 0;
  let total = 0;
  const t0 = performance.now();
  const note = (n, what) => {
    replies++;
    total += n;
    if (n > largest) {
      largest = n;
      largestWhat = what;
    }
  };
  const ask = async (range, ds, what, only) => {
    const context = { diagnostics: ds, ...(only ? { only } : {}) };
    const actions = await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context });
    note(size(actions), what);
    for (const a of actions ?? []) {
      if (a.edit || a.command || a.data === undefined) continue;
      const resolved = await client.conn.sendRequest('codeAction/resolve', a);
      note(size(resolved), `${what}, resolve "${a.title}"`);
    }
  };
  // Each diagnostic alone (the light bulb on one finding), then every diagnostic at once (a client that sends
  // all of them), then fix all (on save).
  for (const d of diagnostics) await ask(d.range, [d], `${d.code}@${d.range.start.line + 1}`);
  const lines = text.split('\n').length;
  const whole = { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } };
  await ask(whole, diagnostics, `all ${diagnostics.length} diagnostics`);
  await ask(whole, [], 'source.fixAll', ['source.fixAll']);
  const elapsed = performance.now() - t0;
  return { name, diagnostics: diagnostics.length, push, largest, largestWhat, replies, total, elapsed };
}

export async function benchCodeActions(summary) {
  heading('Diagnostics and code actions: what travels (push client, resolve support like VS Code)');
  const client = new BenchClient({
    capabilities: { textDocument: { codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] }, isPreferredSupport: true } } },
  });
  try {
    await client.initialize();
    const all = seeds();
    const rows = [];
    for (const s of all) rows.push(await measure(client, `seed-${s.name}`, s.text));
    const blanks = await measure(client, 'seed-004-all-blank', allBlank(all.find((s) => s.name === '004')));
    rows.push(blanks);
    printTable([
      ['report', 'diagnostics', 'push', 'largest reply', 'replies', 'all replies', 'time', 'largest was'],
      ...rows.map((r) => [r.name, String(r.diagnostics), bytes(r.push), bytes(r.largest), String(r.replies), bytes(r.total), ms(r.elapsed), r.largestWhat]),
    ]);
    const seedRows = rows.filter((r) => r !== blanks);
    const maxPush = Math.max(...seedRows.map((r) => r.push));
    const maxReply = Math.max(...seedRows.map((r) => r.largest));
    summary.push({ figure: 'largest diagnostics push, seeds', value: bytes(maxPush), target: '—' });
    summary.push({ figure: 'largest code-action reply, seeds', value: bytes(maxReply), target: '—' });
    summary.push({ figure: `diagnostics push, ${blanks.diagnostics} blank cells`, value: bytes(blanks.push), target: '—' });
    summary.push({ figure: `largest code-action reply, ${blanks.diagnostics} blank cells`, value: bytes(blanks.largest), target: '—' });
  } finally {
    await client.shutdown();
  }
}
