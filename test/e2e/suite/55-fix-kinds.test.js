// Fixes tidy the form and never make up the content (issue 9), in a real VS Code: fix on save on seed 001
// (section 四 missing, table 三 cut off) removes only the debris typed in, leaves every number as it was and
// the problems listed; "Apply all automatic fixes" does the same and says what it changed and what is left.
const { vscode, assert, seedNamed, seedText, expectedOf, freshCopy, openReport, pairs, cliFix, setSetting, waitPairs, waitUntil } = require('./util');
const fs = require('fs');

/** The numbers of a text, in order (a fix must not add, remove or change one). */
const numbers = (text) => (text.match(/\d+/g) || []).join(' ');

test('fix on save on seed 001 leaves the numbers as they were and the problems listed', async () => {
  const name = seedNamed('001');
  const original = seedText(name);
  const want = pairs(expectedOf(name).diagnostics);
  const uri = freshCopy(name);
  const { doc, editor } = await openReport(uri, want);
  await setSetting('editor.codeActionsOnSave', { 'source.fixAll.govreport': 'explicit' });
  try {
    // Debris from Word typed at the start of the title (line 3): the one thing fix on save may remove.
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(2, 0), '[bookmark: _GoBack]')));
    const saved = waitUntil([vscode.workspace.onDidSaveTextDocument], () => !doc.isDirty, 30000, 'the save');
    await vscode.commands.executeCommand('workbench.action.files.save');
    await saved;
    const onDisk = fs.readFileSync(uri.fsPath, 'utf8');
    assert.strictEqual(onDisk, original, 'fix on save changed more than the debris');
    assert.strictEqual(numbers(onDisk), numbers(original));
    assert.ok(!onDisk.includes('本年度未收取信息处理费'), 'a fee sentence nobody wrote');
    // The problems are still there: the missing section and rows, the fee statement.
    await waitPairs(uri, want);
  } finally {
    await setSetting('editor.codeActionsOnSave', undefined);
  }
});

test('"Apply all automatic fixes" applies the safe fixes and says what it changed and what is left', async () => {
  const name = seedNamed('002');
  const uri = freshCopy(name);
  const { doc } = await openReport(uri, pairs(expectedOf(name).diagnostics));
  const result = await vscode.commands.executeCommand('govreport.applyAllFixes');
  assert.ok(result && result.applied, `not applied: ${JSON.stringify(result)}`);
  assert.strictEqual(doc.getText(), cliFix(seedText(name), name));
  assert.deepStrictEqual(Object.keys(result.fixed).sort(), ['conversion-debris', 'section-numbering']);
  assert.ok(result.left.some((l) => l.code === 'sum-row-total' && l.kinds.includes('suggestion')), JSON.stringify(result.left));
  assert.ok(result.left.some((l) => l.code === 'section-missing' && l.kinds.includes('skeleton')), JSON.stringify(result.left));
  assert.ok(result.errors > 0, 'the sum errors remain');
});
