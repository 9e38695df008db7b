// Helpers for the extension tests: seeds, the CLI as oracle, and waiting on editor events with timeouts.
const vscode = require('vscode');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SEEDS = path.join(ROOT, 'fixtures', 'seeds');
const EXT_ID = 'govreport.govreport';
const WAIT = Number(process.env.GOVREPORT_E2E_WAIT || 30000);

const seedNames = () => fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const expectedOf = (name) => JSON.parse(fs.readFileSync(path.join(SEEDS, name.replace(/\.txt$/, '.expected.json')), 'utf8'));
const seedText = (name) => fs.readFileSync(path.join(SEEDS, name), 'utf8');
const seedNamed = (prefix) => seedNames().find((n) => n.startsWith(prefix));

function workspaceDir() {
  const f = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  assert.ok(f, 'no workspace folder open');
  return f.uri.fsPath;
}

let copies = 0;
/** A fresh writable copy of a seed in the workspace (a new file: no state from other tests). */
function freshCopy(name, newName) {
  const file = path.join(workspaceDir(), 'copies', `${++copies}`, newName || name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, seedText(name));
  return vscode.Uri.file(file);
}

/** Runs the govreport CLI (the same core as the server) with this host's Node (Electron as Node on desktop). */
function cli(args) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args],
    { encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  if (r.status !== 0 && r.status !== 1) throw new Error(`govreport ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}
/** The CLI's findings for a text, as if it were the file `name`. */
function cliFindings(text, name = 'report.txt', locale = 'zh') {
  const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'govreport-oracle-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  try { return JSON.parse(cli(['check', '--format', 'json', '--locale', locale, file])).files[0]; } finally { fs.rmSync(dir, { recursive: true, force: true }); }
}

/** `govreport fix` of a text, as if it were the file `name`. */
function cliFix(text, name = 'report.txt') {
  const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'govreport-oracle-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  try { return cli(['fix', file]); } finally { fs.rmSync(dir, { recursive: true, force: true }); }
}

const codeOf = (d) => (d.code !== null && typeof d.code === "object" ? String(d.code.value) : String(d.code));
const ours = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'govreport');
/** "code@line" (1-based), sorted: a comparable form of a diagnostics list. */
const pairs = (list) => list.map((d) => (Array.isArray(d) ? `${d[0]}@${d[1]}` : `${codeOf(d)}@${d.range.start.line + 1}`)).sort().join(' ');

/** Resolves when `check()` returns a truthy value, re-checking whenever `events` fire; rejects after `ms`. */
function waitUntil(events, check, ms, what) {
  return new Promise((resolve, reject) => {
    const subs = [];
    let timer;
    const done = (fn, v) => { clearTimeout(timer); subs.forEach((s) => s.dispose()); fn(v); };
    const test = () => { try { const v = check(); if (v) done(resolve, v); } catch (e) { done(reject, e); } };
    for (const ev of events) subs.push(ev(test));
    timer = setTimeout(() => done(reject, new Error(`timed out after ${ms} ms waiting for ${typeof what === 'function' ? what() : what}`)), ms);
    test();
  });
}

/** Waits until our diagnostics of `uri` satisfy `pred`; returns them. */
function waitDiagnostics(uri, pred, what = 'diagnostics', ms = WAIT) {
  return waitUntil([vscode.languages.onDidChangeDiagnostics], () => { const d = ours(uri); return pred(d) ? d : undefined; }, ms,
    () => `${what}; have [${pairs(ours(uri))}]`);
}
const waitPairs = (uri, want, ms) => waitDiagnostics(uri, (d) => pairs(d) === want, `[${want}]`, ms);

/** The document of `uri` once its language is `lang` (the client switches detected reports to govreport). */
function waitLanguage(uri, lang = 'govreport', ms = WAIT) {
  const find = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === lang);
  return waitUntil([vscode.workspace.onDidOpenTextDocument], find, ms,
    () => `language ${lang} for ${path.basename(uri.fsPath)} (is ${(vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) || {}).languageId})`);
}

let api;
/** Activates the extension and waits for its language server. */
async function ready() {
  const ext = vscode.extensions.getExtension(EXT_ID);
  assert.ok(ext, `extension ${EXT_ID} not loaded`);
  api = await ext.activate();
  if (api && typeof api.ready === 'function') await api.ready();
  return api;
}

/** Opens a file in an editor and waits for it to be a govreport document with diagnostics like `want`. */
async function openReport(uri, want) {
  await ready();
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const doc = await waitLanguage(uri);
  const editor = await vscode.window.showTextDocument(doc);
  if (want !== undefined) await waitPairs(uri, want);
  return { doc, editor };
}

/** Replaces the whole text of a document (an edit, like typing or pasting). */
async function setText(doc, text) {
  const e = new vscode.WorkspaceEdit();
  e.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(e), 'applyEdit refused');
}

/** Sets a govreport setting (undefined removes it) and resolves once VS Code has it. */
async function setSetting(key, value, target = vscode.ConfigurationTarget.Workspace) {
  const [section, ...rest] = key.split('.');
  await vscode.workspace.getConfiguration(section).update(rest.join('.'), value, target);
}

/** Sets govreport.locale and waits until the findings of `uri` (which must have some) are in that language. */
async function setLocale(uri, locale) {
  await setSetting('govreport.locale', locale);
  const english = (m) => /[A-Za-z]{4}/.test(m);
  if (locale === 'en' || locale === 'zh') {
    await waitDiagnostics(uri, (d) => d.length > 0 && d.every((x) => english(x.message) === (locale === 'en')), `${locale} messages`);
  }
}

/** Applies LSP-style edits (UTF-16 ranges, like the CLI's) to a text. */
function applyEdits(text, edits) {
  const lines = text.split('\n');
  const off = (p) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  // From the end; insertions at one place keep their order (the LSP rule), so the later goes in first.
  const list = edits.map((e, i) => ({ s: off(e.range.start), e: off(e.range.end), t: e.newText, i })).sort((a, b) => b.s - a.s || b.i - a.i);
  for (const e of list) text = text.slice(0, e.s) + e.t + text.slice(e.e);
  return text;
}
/** The TextEdits of a WorkspaceEdit for one document, as plain LSP-style objects. */
function editsOf(wsEdit, uri) {
  const out = [];
  for (const [u, edits] of wsEdit.entries()) {
    if (u.toString() !== uri.toString()) throw new Error(`edit touches another file: ${u}`);
    for (const e of edits) out.push({ range: { start: e.range.start, end: e.range.end }, newText: e.newText });
  }
  return out;
}

/** Reverts and closes every editor (no "save changes?" prompt), and drops the documents' changes. */
async function cleanup() {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

module.exports = {
  cleanup,
  vscode, assert, ROOT, EXT_ID, WAIT, seedNames, seedNamed, expectedOf, seedText, freshCopy, cli, cliFindings, cliFix,
  codeOf, ours, pairs, waitUntil, waitDiagnostics, waitPairs, waitLanguage, ready, openReport, setText, setSetting, setLocale,
  applyEdits, editsOf,
};
