// The outline: the sections each seed has (seed 001 lacks 四), titled as the CLI reads them, tables as children.
const { vscode, assert, seedNames, expectedOf, freshCopy, openReport, pairs, cliFindings, seedText } = require('./util');

const NUMERALS = ['', '一', '二', '三', '四', '五', '六'];

for (const name of seedNames()) {
  test(`${name} document symbols`, async () => {
    const exp = expectedOf(name);
    const uri = freshCopy(name);
    await openReport(uri, pairs(exp.diagnostics));
    const syms = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
    assert.ok(Array.isArray(syms), 'no symbols');
    const sections = syms.filter((s) => s.kind !== vscode.SymbolKind.Struct);
    const cliSections = cliFindings(seedText(name), name).sections;
    assert.deepStrictEqual(cliSections.map((s) => s.number), exp.model.sections, 'CLI sections differ from the expectation');
    assert.deepStrictEqual(sections.map((s) => s.name), cliSections.map((s) => `${NUMERALS[s.number]}、${s.title}`));
    for (const s of sections) {
      assert.ok(s.range.contains(s.selectionRange), `${s.name}: selection range outside its range`);
    }
    const tables = sections.flatMap((s) => (s.children || []).filter((c) => c.kind === vscode.SymbolKind.Struct));
    assert.strictEqual(tables.length, Object.keys(exp.model.tables).length, `table symbols: ${tables.map((t) => t.name).join(', ')}`);
    for (const t of tables) {
      const parent = sections.find((s) => (s.children || []).includes(t));
      assert.ok(parent.range.contains(t.range), `${t.name} not inside ${parent.name}`);
    }
  });
}

test('seed 001 (no section 四) lists 一、二、三、五、六 with their titles', async () => {
  const name = seedNames().find((n) => n.startsWith('001'));
  const uri = freshCopy(name);
  await openReport(uri, pairs(expectedOf(name).diagnostics));
  const syms = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
  assert.deepStrictEqual(syms.map((s) => s.name), [
    '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']);
  const byName = Object.fromEntries(syms.map((s) => [s.name.slice(0, 1), s]));
  assert.ok(byName['二'].children.some((c) => c.kind === vscode.SymbolKind.Struct), 'table under 二');
  assert.ok(byName['三'].children.some((c) => c.kind === vscode.SymbolKind.Struct), 'table under 三');
});
