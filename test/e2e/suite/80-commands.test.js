// The commands: a new report from the template, checking every report of the workspace, a check's documentation.
const { vscode, assert, seedNames, expectedOf, ready, ours, pairs, waitPairs, waitDiagnostics, waitUntil, ROOT } = require('./util');
const fs = require('fs');
const path = require('path');

test('govreport.newReport (year and agency as arguments) opens the 2021 template', async () => {
  await ready();
  const doc = await vscode.commands.executeCommand('govreport.newReport', { year: 2023, agency: '测试县人民政府办公室' });
  assert.ok(doc, 'no document returned');
  assert.strictEqual(doc.languageId, 'govreport');
  assert.strictEqual(doc.uri.scheme, 'untitled');
  assert.strictEqual(vscode.window.activeTextEditor && vscode.window.activeTextEditor.document, doc);
  const text = doc.getText();
  assert.match(text.split('\n').slice(0, 5).join('\n'), /测试县人民政府办公室\s*2023\s*年政府信息公开工作年度报告|2023/);
  assert.ok(text.includes('测试县人民政府办公室'));
  const syms = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', doc.uri);
  assert.deepStrictEqual(syms.map((s) => s.name.slice(0, 2)), ['一、', '二、', '三、', '四、', '五、', '六、']);
  const tables = syms.flatMap((s) => (s.children || []).filter((c) => c.kind === vscode.SymbolKind.Struct));
  assert.strictEqual(tables.length, 3, 'the template has the three tables');
  // Its tables add up: no sum finding in a fresh template.
  await waitDiagnostics(doc.uri, (d) => !d.some((x) => /^sum-/.test(String(x.code && x.code.value || x.code))), 'no sum findings');
});

test('govreport.checkWorkspace checks the reports on disk and publishes their findings', async () => {
  await ready();
  const dir = vscode.workspace.workspaceFolders[0].uri.fsPath;
  const seeds = seedNames().filter((n) => fs.existsSync(path.join(dir, n)));
  assert.strictEqual(seeds.length, 5, 'the seeds are in the workspace root');
  for (const n of seeds) assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath === path.join(dir, n)), `${n} is open`);
  const summary = await vscode.commands.executeCommand('govreport.checkWorkspace');
  assert.ok(summary, 'no summary returned');
  assert.ok(summary.reports >= 5, JSON.stringify(summary));
  for (const n of seeds) await waitPairs(vscode.Uri.file(path.join(dir, n)), pairs(expectedOf(n).diagnostics));
});

test('govreport.checkWorkspace checks originals too: a PDF report\'s findings land on its text view with the page and cell', async () => {
  await ready();
  const dir = path.join(vscode.workspace.workspaceFolders[0].uri.fsPath, 'desk-originals');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, '2023年某局年报.pdf');
  fs.copyFileSync(path.join(ROOT, 'fixtures', 'originals', 'sum-error.pdf'), file);
  const summary = await vscode.commands.executeCommand('govreport.checkWorkspace');
  assert.ok(summary && summary.reports >= 6, JSON.stringify(summary));
  const view = vscode.Uri.file(file).with({ scheme: 'govreport-original' });
  const diags = await waitPairs(view, 'sum-row-total@24');
  assert.match(diags[0].message, /（原文：第 2 页 表 2 第 4 行 第 10 列）|\(in the original: page 2, table 2, row 4, column 10\)/);
});

test('govreport.showRuleDocs opens the documentation of a check', async () => {
  await ready();
  const docs = path.join(ROOT, 'docs', 'checks');
  const codes = fs.existsSync(docs) ? fs.readdirSync(docs).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)) : [];
  assert.ok(codes.includes('table-label'), `docs/checks/table-label.md is missing (have: ${codes.join(', ')})`);
  const uri = await vscode.commands.executeCommand('govreport.showRuleDocs', 'table-label');
  assert.ok(uri && uri.path.endsWith('/docs/checks/table-label.md'), String(uri));
});
