/** Settings: per-code levels, the message language, enable, and govreport.json next to the report. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { loadFixtures } from '../helpers/fixtures';
import { TestClient } from '../helpers/lsp-client';

const seeds = loadFixtures().filter((f) => f.name.startsWith('seeds/'));
const s003 = seeds.find((f) => f.name.includes('003'))!;

describe('protocol: settings', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient({ pull: true, locale: 'zh-cn' });
    await client.initialize();
  });
  after(() => client.shutdown());

  it('a settings change re-checks with the new levels and language', async () => {
    const uri = 'file:///settings/003.txt';
    client.open(uri, s003.text);
    let ds = await client.pullDiagnostics(uri);
    assert.ok(ds.some((d) => d.code === 'fee-statement-missing'));
    assert.ok(ds.every((d) => /[\u4e00-\u9fff]/.test(String(d.message))), 'Chinese by default');
    client.settings = { checks: { 'fee-statement-missing': 'off', 'format-outdated': 'error' }, locale: 'en' };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    ds = await client.pullDiagnostics(uri);
    assert.ok(!ds.some((d) => d.code === 'fee-statement-missing'), 'switched off');
    assert.equal(ds.find((d) => d.code === 'format-outdated')?.severity, 1, 'raised to error');
    assert.match(String(ds.find((d) => d.code === 'section-missing')?.message), /^Missing section 4/);
  });

  it('bad settings values fall back per field and say which key', async () => {
    client.settings = { checks: { 'no-such-check': 'off', 'section-title': 'loud' }, locale: 'klingon', maxFileSize: 'big' };
    client.messages.length = 0;
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const uri = 'file:///settings/003b.txt';
    client.open(uri, s003.text);
    const ds = await client.pullDiagnostics(uri);
    assert.ok(ds.some((d) => d.code === 'fee-statement-missing'), 'defaults apply');
    const text = client.messages.map((m) => m.message).join('\n');
    assert.match(text, /checks\.no-such-check/);
    assert.match(text, /checks\.section-title/);
    assert.match(text, /locale/);
    assert.match(text, /maxFileSize/);
  });

  it('enable: false silences every check', async () => {
    client.settings = { enable: false };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const uri = 'file:///settings/003c.txt';
    client.open(uri, s003.text);
    assert.deepEqual(await client.pullDiagnostics(uri), []);
    client.settings = {};
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  });

  it('govreport.json above the report sets levels; a bad key gets one message naming it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'govreport-cfg-'));
    writeFileSync(path.join(dir, 'govreport.json'), JSON.stringify({ checks: { 'fee-statement-missing': 'off', 'made-up': 'warning' } }));
    const file = path.join(dir, 'r.txt');
    writeFileSync(file, s003.text);
    const uri = pathToFileURL(file).toString();
    client.messages.length = 0;
    client.open(uri, s003.text);
    const ds = await client.pullDiagnostics(uri);
    assert.ok(!ds.some((d) => d.code === 'fee-statement-missing'));
    assert.ok(ds.some((d) => d.code === 'format-outdated'));
    assert.equal(client.messages.filter((m) => m.message.includes('made-up')).length, 1);
  });
});

describe('protocol: locale from initialize', () => {
  it('speaks Chinese to an English client by default, English when the settings say en or auto', async () => {
    const client = new TestClient({ pull: true, locale: 'en-US' });
    await client.initialize();
    client.open('file:///en/003.txt', s003.text);
    const zh = await client.pullDiagnostics('file:///en/003.txt');
    assert.ok(zh.length > 0);
    for (const d of zh) assert.match(String(d.message), /[\u4e00-\u9fff]{4}/, 'Chinese');
    for (const locale of ['en', 'auto']) {
      client.settings = { locale };
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      const ds = await client.pullDiagnostics('file:///en/003.txt');
      for (const d of ds) assert.match(String(d.message), /^[A-Z"(].*\b[a-z]{3,}\b/, `an English sentence (${locale})`);
    }
    await client.shutdown();
  });
});
