// Settings take effect without a restart: a check switched off, a severity changed, messages in English.
const { vscode, assert, seedNamed, seedText, expectedOf, freshCopy, openReport, ours, pairs, codeOf, cliFindings, setSetting, waitPairs, waitDiagnostics } = require('./util');

test('govreport.checks: "off" removes the finding, removing the setting brings it back', async () => {
  const name = seedNamed('004');
  const uri = freshCopy(name);
  const want = pairs(expectedOf(name).diagnostics);
  assert.strictEqual(want, 'fee-statement-missing@105');
  await openReport(uri, want);
  try {
    await setSetting('govreport.checks', { 'fee-statement-missing': 'off' });
    await waitPairs(uri, '');
  } finally {
    await setSetting('govreport.checks', undefined);
  }
  await waitPairs(uri, want);
});

test('govreport.checks: a level changes the severity', async () => {
  const name = seedNamed('004');
  const uri = freshCopy(name);
  await openReport(uri, pairs(expectedOf(name).diagnostics));
  assert.notStrictEqual(ours(uri)[0].severity, vscode.DiagnosticSeverity.Error);
  try {
    await setSetting('govreport.checks', { 'fee-statement-missing': 'error' });
    await waitDiagnostics(uri, (d) => d.length === 1 && d[0].severity === vscode.DiagnosticSeverity.Error, 'an error');
  } finally {
    await setSetting('govreport.checks', undefined);
  }
});

test('govreport.locale: "en" gives the CLI\'s English messages, "zh" the Chinese ones', async () => {
  const name = seedNamed('000');
  const uri = freshCopy(name);
  await openReport(uri, pairs(expectedOf(name).diagnostics));
  const messages = (locale) => cliFindings(seedText(name), name, locale).diagnostics.map((d) => `${d.code}@${d.range.start.line}: ${d.message}`).sort().join('\n');
  const shown = (list) => list.map((d) => `${codeOf(d)}@${d.range.start.line}: ${d.message}`).sort().join('\n');
  try {
    for (const locale of ['en', 'zh', 'en']) {
      await setSetting('govreport.locale', locale);
      const want = messages(locale);
      await waitDiagnostics(uri, (d) => shown(d) === want, `${locale} messages`);
    }
    assert.ok(ours(uri).every((d) => /[A-Za-z]{3}/.test(d.message)), 'English messages');
  } finally {
    await setSetting('govreport.locale', undefined);
  }
});
