// Each seed opens as a GovReport document (plain .txt detected by content) with exactly the expected findings,
// at the expected lines, and ranges on the same characters as the CLI's.
const { vscode, assert, seedNames, expectedOf, freshCopy, openReport, ours, pairs, codeOf, cliFindings, seedText, waitLanguage, ready } = require('./util');

for (const name of seedNames()) {
  test(`${name} opens as govreport with the expected diagnostics`, async () => {
    const uri = freshCopy(name);
    const want = pairs(expectedOf(name).diagnostics);
    const { doc } = await openReport(uri, want);
    assert.strictEqual(doc.languageId, 'govreport');
    const cliDiags = cliFindings(seedText(name), name).diagnostics;
    const got = ours(uri);
    for (const c of cliDiags) {
      const d = got.find((x) => codeOf(x) === c.code && x.range.start.line === c.range.start.line);
      assert.ok(d, `${c.code}@${c.range.start.line + 1} missing`);
      const r = d.range;
      assert.deepStrictEqual([r.start.line, r.start.character, r.end.line, r.end.character],
        [c.range.start.line, c.range.start.character, c.range.end.line, c.range.end.character], `${c.code} range`);
      assert.ok(d.message.length > 0);
    }
  });
}

test('a plain text that is not a report stays plaintext and gets no findings', async () => {
  await ready();
  const uri = freshCopy(seedNames()[0], 'notes.txt');
  require('fs').writeFileSync(uri.fsPath, '会议记录\n一、总体情况\n今天讨论了 3 件事。\n');
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  // The server answers for plaintext too (it decides what a report is): wait for its (empty) verdict to settle.
  const probe = freshCopy(seedNames()[4]);
  await openReport(probe, pairs(expectedOf(seedNames()[4]).diagnostics));
  assert.strictEqual(doc.languageId, 'plaintext');
  assert.deepStrictEqual(ours(uri).map(codeOf), []);
});
