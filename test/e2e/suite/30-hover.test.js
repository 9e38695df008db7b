// Hover on a table cell names its row and column (in the message language); on a total it shows the sum.
const { vscode, assert, seedNamed, expectedOf, freshCopy, openReport, pairs, setSetting, setLocale } = require('./util');

async function hoverText(uri, pos) {
  const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, pos);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

async function openCell() {
  const name = seedNamed('004');
  const uri = freshCopy(name);
  const { doc } = await openReport(uri, pairs(expectedOf(name).diagnostics));
  const line = doc.getText().split('\n').findIndex((l) => l.startsWith('一、本年新收政府信息公开申请数量\t\t'));
  assert.ok(line >= 0);
  // 一、本年新收… (16 characters), two tabs, then the 自然人 cell; the last cell of the row is 总计.
  return { uri, cell: new vscode.Position(line, 18), total: new vscode.Position(line, doc.lineAt(line).text.replace(/\t+$/, '').length - 1) };
}

test('hover on a cell of table 三 shows its row and column (Chinese)', async () => {
  const { uri, cell, total } = await openCell();
  try {
    await setLocale(uri, 'zh');
    const text = await hoverText(uri, cell);
    assert.match(text, /本年新收/, text);
    assert.match(text, /自然人/, text);
    assert.match(text, /数值：0/, text);
    const t2 = await hoverText(uri, total);
    assert.match(t2, /总计/, t2);
    assert.match(t2, /自然人 0 \+/, t2); // the sum as the form defines it, with the report's numbers
  } finally {
    await setSetting('govreport.locale', undefined);
  }
});

test('hover on a cell in English', async () => {
  const { uri, cell } = await openCell();
  try {
    await setLocale(uri, 'en');
    const text = await hoverText(uri, cell);
    assert.match(text, /new requests this year/i, text);
    assert.match(text, /natural persons/i, text);
  } finally {
    await setSetting('govreport.locale', undefined);
  }
});

test('hover outside tables shows nothing of ours', async () => {
  const { uri } = await openCell();
  const text = await hoverText(uri, new vscode.Position(0, 0));
  assert.doesNotMatch(text, /数值|Value/, text);
});
