/**
 * The settings' defaults are written out in settings.ts so that reading no settings loads no zod: they must be
 * what the schema gives, and the schema must load only when a value is validated — in the compiled core and
 * in the CLI's bundle (where it is a file of its own, dist/settings-schema.js).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { settingsSchema, settingsShape } from '../../server/src/core/settings-schema';
import { DEFAULT_SETTINGS, readSettings, SETTING_KEYS } from '../../server/src/core/settings';
import { ROOT } from '../helpers/fixtures';

/** The modules a node process loaded: `node -r test/helpers/print-loaded.cjs …` prints them to stderr at exit. */
function loaded(args: string[]): { modules: string[]; out: string; err: string } {
  const r = spawnSync(process.execPath, ['-r', path.join(ROOT, 'test', 'helpers', 'print-loaded.cjs'), ...args], { cwd: ROOT, encoding: 'utf8' });
  const m = /\nLOADED (.*)\n/.exec(r.stderr);
  assert.ok(m, r.stderr);
  return { modules: JSON.parse(m[1]!) as string[], out: r.stdout, err: r.stderr };
}
const schemaLoaded = (modules: string[]) => modules.some((f) => /settings-schema\.js$/.test(f));

describe('settings: defaults written out, schema loaded only to validate', () => {
  it('DEFAULT_SETTINGS is what the schema gives for no settings, key for key and in its order', () => {
    assert.deepEqual(DEFAULT_SETTINGS, settingsSchema.parse({}));
    assert.deepEqual(SETTING_KEYS, Object.keys(settingsShape));
    assert.deepEqual(Object.keys(settingsSchema.parse({})), SETTING_KEYS);
  });
  it('a bad value is still named and replaced by its default (the schema is loaded for it)', () => {
    const { settings, problems } = readSettings({ maxFileSize: 5, checks: { 'sum-row-total': 'loud' }, lcoale: 'en' }, 'govreport.json');
    assert.equal(settings.maxFileSize, DEFAULT_SETTINGS.maxFileSize);
    assert.deepEqual(settings.checks, {});
    assert.deepEqual(problems.map((p) => p.key), ['lcoale', 'maxFileSize', 'checks.sum-row-total']);
    assert.match(problems[1]!.message, /应为 10000 到 100000000 之间的整数；已使用默认值 2000000/);
  });
  it('reading no settings loads no schema (compiled core)', () => {
    const settings = path.join(ROOT, 'out', 'server', 'src', 'core', 'settings.js');
    const r = loaded(['-e', `require(${JSON.stringify(settings)}).readSettings(undefined)`]);
    assert.ok(r.modules.some((f) => f.endsWith('settings.js')), 'settings.js loaded');
    assert.equal(schemaLoaded(r.modules), false, r.modules.join('\n'));
    const v = loaded(['-e', `require(${JSON.stringify(settings)}).readSettings({ locale: 'en' })`]);
    assert.equal(schemaLoaded(v.modules), true);
  });
  it('govreport check on a folder without a govreport.json never loads dist/settings-schema.js; with one, it does', () => {
    const cli = path.join(ROOT, 'dist', 'cli.js');
    const plain = loaded([cli, 'check', path.join(ROOT, 'fixtures', 'seeds', '001_29793b2c7988821a.txt')]);
    assert.match(plain.out, /001_29793b2c7988821a\.txt/);
    assert.equal(schemaLoaded(plain.modules), false, plain.modules.join('\n'));
    const configured = loaded([cli, 'check', '--config', path.join(ROOT, 'fixtures', 'desk', 'district', 'govreport.json'), path.join(ROOT, 'fixtures', 'seeds', '001_29793b2c7988821a.txt')]);
    assert.equal(schemaLoaded(configured.modules), true, configured.err);
  });
});
