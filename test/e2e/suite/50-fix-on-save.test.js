// editor.codeActionsOnSave {"source.fixAll.govreport": "explicit"}: saving applies the safe fixes, like `govreport fix`.
// The action comes without its edit and VS Code resolves it (codeAction/resolve) before applying it.
const { vscode, assert, seedNamed, seedText, expectedOf, freshCopy, openReport, pairs, cliFindings, cliFix, setSetting, waitPairs, waitUntil } = require('./util');
const fs = require('fs');

test('fix all on save (source.fixAll.govreport)', async () => {
  const name = seedNamed('002');
  const uri = freshCopy(name);
  const { doc, editor } = await openReport(uri, pairs(expectedOf(name).diagnostics));
  await setSetting('editor.codeActionsOnSave', { 'source.fixAll.govreport': 'explicit' });
  try {
    // Typing first, like a user: Word debris at the start of line 2, which the fixes remove again.
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(1, 0), '[bookmark: _GoBack]')));
    const edited = doc.getText();
    const expected = cliFix(edited, name);
    assert.notStrictEqual(expected, edited, 'the CLI fixes nothing');
    const saved = waitUntil([vscode.workspace.onDidSaveTextDocument], () => !doc.isDirty, 30000, 'the save');
    await vscode.commands.executeCommand('workbench.action.files.save');
    await saved;
    const onDisk = fs.readFileSync(uri.fsPath, 'utf8');
    assert.strictEqual(onDisk, expected, 'saved text differs from `govreport fix`');
    const left = cliFindings(onDisk, name).diagnostics.map((x) => [x.code, x.range.start.line + 1]);
    await waitPairs(uri, pairs(left));
  } finally {
    await setSetting('editor.codeActionsOnSave', undefined);
  }
});

test('the source.fixAll.govreport action is offered and equals `govreport fix`', async () => {
  const name = seedNamed('000');
  const uri = freshCopy(name);
  const { doc } = await openReport(uri, pairs(expectedOf(name).diagnostics));
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri,
    new vscode.Range(0, 0, doc.lineCount, 0), 'source.fixAll.govreport', 10);
  const fixAll = actions.filter((a) => a.kind && a.kind.value === 'source.fixAll.govreport');
  assert.strictEqual(fixAll.length, 1, actions.map((a) => a.title).join(' | '));
  assert.ok(await vscode.workspace.applyEdit(fixAll[0].edit));
  assert.strictEqual(doc.getText(), cliFix(seedText(name), name));
});
