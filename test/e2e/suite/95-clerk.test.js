// The clerk's editor (issue 14): Chinese in an English VS Code, the finding at the cell just typed, files
// claimed by what they say, a config edit that refreshes results, the cap message, the walkthrough, the new
// report's file name, the line-end messages.
const fs = require('fs');
const path = require('path');
const {
  vscode, assert, seedNamed, seedText, expectedOf, freshCopy, openReport, ours, pairs, codeOf, ready, setSetting,
  waitDiagnostics, waitUntil, WAIT,
} = require('./util');

const chinese = (s) => /[\u4e00-\u9fff]{4}/.test(s) && !/[A-Za-z]{5}/.test(s.replace(/govreport/g, ''));
/** Whether `check` comes true within the wait, asking again on each turn (for state no event announces). */
async function eventually(check, ms = WAIT) {
  const end = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setImmediate(r));
  }
}
const symbolNames = async (uri) => {
  const flat = [];
  const walk = (list) => { for (const s of list || []) { flat.push(s.name); walk(s.children); } };
  walk(await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri));
  return flat;
};

test('an English VS Code shows Chinese findings and a Chinese Outline by default; English only when chosen', async () => {
  assert.ok(vscode.env.language.startsWith('en'), `this VS Code speaks ${vscode.env.language}`);
  const name = seedNamed('000');
  const uri = freshCopy(name);
  await openReport(uri, pairs(expectedOf(name).diagnostics));
  for (const d of ours(uri)) assert.ok(chinese(d.message), d.message);
  assert.ok((await symbolNames(uri)).includes('收到和处理政府信息公开申请情况表'), (await symbolNames(uri)).join(', '));
  try {
    await setSetting('govreport.locale', 'en');
    await waitDiagnostics(uri, (d) => d.length > 0 && d.every((x) => /[A-Za-z]{4}/.test(x.message)), 'English messages');
    // The Outline's names follow without an edit (VS Code caches symbols per document version).
    assert.ok(await eventually(async () => (await symbolNames(uri)).includes('requests table')), (await symbolNames(uri)).join(', '));
  } finally {
    await setSetting('govreport.locale', undefined);
  }
  await waitDiagnostics(uri, (d) => d.length > 0 && d.every((x) => chinese(x.message)), 'Chinese again');
});

test('a number typed into 本年新收 / 自然人 of a table without 总计 is reported at that cell, the others related', async () => {
  const name = seedNamed('000');
  const uri = freshCopy(name);
  const { doc } = await openReport(uri, pairs(expectedOf(name).diagnostics));
  const line = doc.getText().split('\n').findIndex((l) => l.startsWith('一、本年新收政府信息公开申请数量'));
  const character = doc.lineAt(line).text.search(/\t[0-9]/) + 1;
  const cell = new vscode.Range(line, character, line, character + 1);
  const e = new vscode.WorkspaceEdit();
  e.replace(uri, cell, '5');
  assert.ok(await vscode.workspace.applyEdit(e));
  const [balance] = await waitDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'sum-balance'), 'sum-balance')
    .then((d) => d.filter((x) => codeOf(x) === 'sum-balance'));
  assert.ok(balance.range.isEqual(cell), `at ${balance.range.start.line}:${balance.range.start.character}, not the edited cell ${line}:${character}`);
  assert.match(balance.message, /刚填写的.*为 5：若此数无误，请核对同列的上年结转、办理结果总计、结转下年度/);
  assert.ok(balance.relatedInformation.some((r) => r.location.range.start.line - line > 20), 'the carried-out cell is related');
});

test('2023年报销明细.txt, an expense list, is not claimed: plain text, no findings; a report is claimed whatever its name', async () => {
  await ready();
  const uri = freshCopy(seedNamed('000'), '2023年报销明细.txt');
  fs.writeFileSync(uri.fsPath, '2023年报销明细\n一、差旅费\t1200\n二、办公用品\t350\n合计\t1550\n');
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  const other = freshCopy(seedNamed('004'), 'a.txt');
  await openReport(other, pairs(expectedOf(seedNamed('004')).diagnostics));
  assert.strictEqual(vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()).languageId, 'plaintext');
  assert.deepStrictEqual(ours(uri).map(codeOf), []);
});

test('a govreport.json edit refreshes the results shown, and one with comments and trailing commas applies', async () => {
  const name = seedNamed('004');
  const uri = freshCopy(name);
  const want = pairs(expectedOf(name).diagnostics);
  await openReport(uri, want);
  const config = path.join(path.dirname(uri.fsPath), 'govreport.json');
  try {
    fs.writeFileSync(config, '{\n  // 本单位不收费\n  "checks": { "fee-statement-missing": "off", },\n}\n');
    await waitDiagnostics(uri, (d) => d.length === 0, 'fee-statement-missing off by govreport.json');
    fs.writeFileSync(config, '{ "checks": { "fee-statement-missing": "error" } }');
    await waitDiagnostics(uri, (d) => d.length === 1 && d[0].severity === vscode.DiagnosticSeverity.Error, 'raised to an error');
  } finally {
    fs.rmSync(config, { force: true });
  }
  await waitDiagnostics(uri, (d) => pairs(d) === want && d[0].severity !== vscode.DiagnosticSeverity.Error, 'back to the default');
});

test('a report with more than 1000 findings lists 1000, one of them saying how many more and how to see them', async () => {
  const name = seedNamed('004');
  const lines = seedText(name).split('\n');
  const at = lines.findIndex((l) => l.startsWith('二、')) - 1;
  lines.splice(at, 0, ...Array.from({ length: 1500 }, (_, i) => `[bookmark: b${i}]`));
  const uri = freshCopy(name, 'many.txt');
  fs.writeFileSync(uri.fsPath, lines.join('\n'));
  await openReport(uri);
  const list = await waitDiagnostics(uri, (d) => d.length >= 1000, '1000 diagnostics');
  assert.strictEqual(list.length, 1000);
  const summary = list.filter((d) => codeOf(d) === 'too-many-problems');
  assert.strictEqual(summary.length, 1);
  assert.match(summary[0].message, /本文档共有 1501 个问题，这里列出 999 个（先列最严重的），还有 502 个未列出。查看全部：在终端运行 govreport check ".*many\.txt"/);
});

test('the Get Started walkthrough opens', async () => {
  await ready();
  await vscode.commands.executeCommand('govreport.openWalkthrough');
  const labels = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label));
  await waitUntil([vscode.window.tabGroups.onDidChangeTabs], () => labels().some((l) => /入门|Welcome|Walkthrough|GovReport/.test(l)), WAIT,
    () => `a walkthrough tab; have ${labels().join(', ')}`);
  const pkg = JSON.parse(fs.readFileSync(path.join(vscode.extensions.getExtension('govreport.govreport').extensionPath, 'package.json'), 'utf8'));
  const steps = pkg.contributes.walkthroughs[0].steps;
  assert.deepStrictEqual(steps.map((s) => s.id), ['open', 'read', 'fix', 'outline', 'workspace', 'inline']);
  for (const s of steps) assert.ok(fs.existsSync(path.join(vscode.extensions.getExtension('govreport.govreport').extensionPath, s.media.markdown)), s.media.markdown);
});

test('New report suggests <年份>年<机关>政府信息公开工作年度报告.txt', async () => {
  await ready();
  const doc = await vscode.commands.executeCommand('govreport.newReport', { year: 2024, agency: '某某区人民政府' });
  assert.ok(doc, 'no document');
  assert.strictEqual(doc.uri.scheme, 'untitled');
  assert.strictEqual(path.basename(doc.uri.path), '2024年某某区人民政府政府信息公开工作年度报告.txt');
  assert.strictEqual(doc.languageId, 'govreport');
  assert.match(doc.getText(), /政府信息公开工作年度报告/);
});
