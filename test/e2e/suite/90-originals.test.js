// Originals in VS Code: a .docx and a .pdf open as read-only text views checked like text reports (squiggles
// naming the place in the original, the Outline), and the report exports to Word.
const { vscode, assert, ready, ours, pairs, waitPairs, codeOf, ROOT } = require('./util');
const fs = require('fs');
const path = require('path');

const ORIGINALS = path.join(ROOT, 'fixtures', 'originals');

function copyToWorkspace(name) {
  const dir = path.join(vscode.workspace.workspaceFolders[0].uri.fsPath, 'originals');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.copyFileSync(path.join(ORIGINALS, name), file);
  return vscode.Uri.file(file);
}

for (const name of ['sum-error.docx', 'sum-error.pdf']) {
  test(`${name} opens read-only with its diagnostics and Outline`, async () => {
    await ready();
    const editor = await vscode.commands.executeCommand('govreport.openOriginal', copyToWorkspace(name));
    assert.ok(editor, 'no editor');
    const doc = editor.document;
    assert.strictEqual(doc.uri.scheme, 'govreport-original');
    assert.strictEqual(doc.languageId, 'govreport');
    const diags = await waitPairs(doc.uri, 'sum-row-total@24');
    // The place in the original, in the editor's language (an earlier test may have left it English).
    assert.match(diags[0].message, name.endsWith('.pdf')
      ? /（原文：第 2 页 表 2 第 4 行 第 10 列）|\(in the original: page 2, table 2, row 4, column 10\)/
      : /（原文：表 2 第 4 行 第 10 列）|\(in the original: table 2, row 4, column 10\)/);
    assert.strictEqual(doc.lineAt(23).text.split('\t')[0], '一、本年新收政府信息公开申请数量');
    const syms = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.deepStrictEqual(syms.map((s) => s.name.slice(0, 2)), ['一、', '二、', '三、', '四、', '五、', '六、']);
    // Read-only: the view's file system refuses writes, and typing or deleting in the editor changes nothing
    // (the same keystrokes change a text report: 70-typing). VS Code applies an extension's own workspace edits
    // even to read-only documents (by design, microsoft/vscode#68549), so that is not what is tested here; what
    // could make one — our quick fixes — offers no edit on the view, but "另存为可编辑的报告".
    assert.strictEqual(vscode.workspace.fs.isWritableFileSystem('govreport-original'), false);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(doc.uri, Buffer.from('x'))), /NoPermissions|permission/i);
    const before = doc.getText();
    const shown = await vscode.window.showTextDocument(doc);
    shown.selection = new vscode.Selection(23, 0, 23, 0);
    await vscode.commands.executeCommand('type', { text: '5' });
    await vscode.commands.executeCommand('deleteRight');
    assert.strictEqual(doc.getText(), before, 'typing changed the read-only view');
    assert.strictEqual(doc.isDirty, false);
    const sum = diags.find((d) => codeOf(d) === 'sum-row-total');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, sum.range, vscode.CodeActionKind.QuickFix.value);
    const mine = actions.filter((a) => !(a.command && a.command.command === 'govreport.showRuleDocs'));
    assert.deepStrictEqual(mine.map((a) => [!!a.edit, a.command && a.command.command]), [[false, 'govreport.saveEditable']],
      `actions offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.match(mine[0].title, /另存为可编辑的报告|Save as an editable report/);
    // "Apply all automatic fixes" says the view is read-only instead of applying anything.
    assert.strictEqual(await vscode.commands.executeCommand('govreport.applyAllFixes'), undefined);
    assert.strictEqual(doc.getText(), before);
  });
}

test('a view follows its original: a new version of the file on disk is read again', async () => {
  await ready();
  const file = copyToWorkspace('sum-error.docx');
  const editor = await vscode.commands.executeCommand('govreport.openOriginal', file);
  const doc = editor.document;
  await waitPairs(doc.uri, 'sum-row-total@24');
  // The clerk corrects the total in Word and saves: the view reloads and the finding goes.
  fs.copyFileSync(path.join(ORIGINALS, 'clean.docx'), file.fsPath);
  await waitPairs(doc.uri, '');
  assert.strictEqual(doc.isDirty, false);
});

test('导出为 Word writes the report as a .docx whose tables read back the same', async () => {
  await ready();
  const editor = await vscode.commands.executeCommand('govreport.openOriginal', copyToWorkspace('sum-error.pdf'));
  await waitPairs(editor.document.uri, 'sum-row-total@24');
  const target = vscode.Uri.file(path.join(vscode.workspace.workspaceFolders[0].uri.fsPath, 'originals', 'exported.docx'));
  const written = await vscode.commands.executeCommand('govreport.exportDocx', target);
  assert.strictEqual(written && written.fsPath, target.fsPath);
  const bytes = fs.readFileSync(target.fsPath);
  assert.strictEqual(bytes.subarray(0, 2).toString('latin1'), 'PK');
  // Reopened as an original, the export gives the same finding (the planted sum error, nothing more).
  const back = await vscode.commands.executeCommand('govreport.openOriginal', target);
  await waitPairs(back.document.uri, pairs(ours(editor.document.uri)));
});

test('另存为可编辑的报告 saves the text view as a .txt that is checked the same', async () => {
  await ready();
  const editor = await vscode.commands.executeCommand('govreport.openOriginal', copyToWorkspace('sum-error.docx'));
  await waitPairs(editor.document.uri, 'sum-row-total@24');
  const target = vscode.Uri.file(path.join(vscode.workspace.workspaceFolders[0].uri.fsPath, 'originals', 'sum-error.txt'));
  await vscode.commands.executeCommand('govreport.saveEditable', target);
  assert.strictEqual(fs.readFileSync(target.fsPath, 'utf8'), editor.document.getText());
});
