// Typing a wrong number into a table cell: a sum finding appears on that cell; undo takes it away again.
const { vscode, assert, seedNamed, expectedOf, freshCopy, openReport, ours, pairs, codeOf, waitDiagnostics, waitPairs, waitUntil } = require('./util');

test('a wrong number typed into a cell gives a sum finding there; undo removes it', async () => {
  const name = seedNamed('004');
  const uri = freshCopy(name);
  const want = pairs(expectedOf(name).diagnostics);
  const { doc, editor } = await openReport(uri, want);
  const prefix = '一、本年新收政府信息公开申请数量\t\t';
  const line = doc.getText().split('\n').findIndex((l) => l.startsWith(prefix));
  assert.ok(line >= 0);
  const col = prefix.length; // UTF-16: 16 characters and two tabs
  assert.strictEqual(doc.lineAt(line).text.charAt(col), '0');
  const before = doc.getText();
  editor.selection = new vscode.Selection(line, col, line, col + 1);
  await vscode.commands.executeCommand('type', { text: '5' });
  assert.strictEqual(doc.lineAt(line).text.slice(col, col + 1), '5');
  const found = await waitDiagnostics(uri, (ds) => ds.some((d) => /^sum-/.test(codeOf(d)) && d.range.start.line === line), 'a sum finding on the typed line');
  const sum = found.find((d) => /^sum-/.test(codeOf(d)) && d.range.start.line === line);
  assert.deepStrictEqual([sum.range.start.character, sum.range.end.character], [col, col + 1], `${codeOf(sum)} is not on the typed cell`);
  assert.match(sum.message, /5/);
  await vscode.commands.executeCommand('undo');
  await waitUntil([vscode.workspace.onDidChangeTextDocument], () => doc.getText() === before, 10000, 'the undo');
  await waitPairs(uri, want);
  assert.ok(!ours(uri).some((d) => /^sum-/.test(codeOf(d))));
});

test('typing a whole new row value keeps diagnostics in step with every keystroke', async () => {
  const name = seedNamed('004');
  const uri = freshCopy(name);
  const want = pairs(expectedOf(name).diagnostics);
  const { doc, editor } = await openReport(uri, want);
  const prefix = '一、本年新收政府信息公开申请数量\t\t';
  const line = doc.getText().split('\n').findIndex((l) => l.startsWith(prefix));
  editor.selection = new vscode.Selection(line, prefix.length, line, prefix.length + 1);
  for (const ch of ['1', '2']) await vscode.commands.executeCommand('type', { text: ch }); // "12"
  await waitDiagnostics(uri, (ds) => ds.some((d) => /^sum-/.test(codeOf(d)) && d.range.start.line === line && d.range.end.character - d.range.start.character === 2), 'a sum finding on "12"');
  for (let i = 0; i < 2; i++) await vscode.commands.executeCommand('deleteLeft');
  await vscode.commands.executeCommand('type', { text: '0' });
  await waitPairs(uri, want);
});
