// Every quick fix the server offers for a seed's findings, applied through vscode.workspace.applyEdit on the
// seed as it was: the document changes exactly by the action's edits, the finding is gone, the findings left
// are what the CLI finds in the fixed text, and the preferred fix gives the CLI's fix text. Actions the server
// sends without their edits (over several findings) are resolved, as VS Code does before applying them. A
// safe or skeleton fix is preferred; a suggestion only when the figures pin it down.
const RESOLVE = 50;
const { vscode, assert, seedNames, expectedOf, freshCopy, openReport, ours, pairs, codeOf, cliFindings, seedText,
  setText, waitPairs, applyEdits, editsOf } = require('./util');

const isOurs = (a) => a.edit && a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind);

async function actionsAt(uri, d) {
  const all = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value, RESOLVE);
  return all.filter(isOurs);
}

for (const name of seedNames()) {
  test(`${name}: every quick fix`, async () => {
    const original = seedText(name);
    const want = pairs(expectedOf(name).diagnostics);
    const cli = cliFindings(original, name);
    const uri = freshCopy(name);
    const { doc } = await openReport(uri, want);
    // What is offered, per finding (by code and line), in the order offered.
    const offered = [];
    for (const d of ours(uri)) {
      for (const a of await actionsAt(uri, d)) {
        const key = `${a.title}|${JSON.stringify(editsOf(a.edit, uri))}`;
        if (!offered.some((o) => o.key === key)) offered.push({ key, code: codeOf(d), line: d.range.start.line, title: a.title, preferred: !!a.isPreferred, own: (a.diagnostics || []).length > 0 });
      }
    }
    const fixable = cli.diagnostics.filter((c) => c.fix);
    for (const c of fixable) {
      const mine = offered.filter((o) => o.code === c.code && o.line === c.range.start.line);
      assert.ok(mine.length > 0, `no quick fix for ${c.code}@${c.range.start.line + 1}`);
      if (c.fix.kind !== 'suggestion') assert.ok(mine.some((o) => o.preferred), `no preferred quick fix for ${c.code}@${c.range.start.line + 1}`);
      else if (!c.fix.preferred) assert.ok(!mine.some((o) => o.preferred && o.title === c.fix.title), `the suggestion ${c.code}@${c.range.start.line + 1} is preferred`);
    }
    console.log(`# ${name}: ${offered.length} quick fixes offered for ${cli.diagnostics.length} findings (${fixable.length} fixable)`);
    for (const o of offered) {
      if (doc.getText() !== original) { await setText(doc, original); await waitPairs(uri, want); }
      const d = ours(uri).find((x) => codeOf(x) === o.code && x.range.start.line === o.line);
      const action = (await actionsAt(uri, d)).find((a) => `${a.title}|${JSON.stringify(editsOf(a.edit, uri))}` === o.key);
      assert.ok(action, `${o.title}: not offered again on the same text`);
      const edits = editsOf(action.edit, uri);
      assert.ok(await vscode.workspace.applyEdit(action.edit), `${o.title}: applyEdit refused`);
      const after = doc.getText();
      assert.strictEqual(after, applyEdits(original, edits), `${o.title}: the document changed outside the action's edits`);
      if (o.preferred && o.own) {
        const c = cli.diagnostics.find((x) => x.code === o.code && x.range.start.line === o.line);
        assert.strictEqual(after, applyEdits(original, c.fix.edits), `${o.title}: differs from the CLI's fix`);
      }
      const left = cliFindings(after, name).diagnostics.map((x) => [x.code, x.range.start.line + 1]);
      await waitPairs(uri, pairs(left));
      const count = (list) => list.filter((x) => codeOf(x) === o.code).length;
      assert.ok(count(ours(uri)) < count(cli.diagnostics.map((x) => ({ code: x.code }))), `${o.title}: ${o.code} not gone`);
    }
  }, { timeout: 240000 });
}
