// The reviewer's page in headless Chromium: `govreport check --format html` over a district's folder (a roster
// with a summary report and three subordinates, one agency missing), the seeds and an unreadable file. The page
// must load with every network request refused, sort, filter by agency and by code, and expand a report to
// its findings. Prints `ok - …` / `not ok - …` lines for scripts/e2e/run.mjs.
// Usage: node test/e2e/desk/run.mjs   (GOVREPORT_E2E_SCREENSHOTS=docs also writes docs/images/desk*.png)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const CHROMIUM = process.env.GOVREPORT_E2E_CHROMIUM || '/usr/bin/chromium';
const shots = join(root, 'test-results', 'e2e');
mkdirSync(shots, { recursive: true });
const docs = process.env.GOVREPORT_E2E_SCREENSHOTS === 'docs';

const work = mkdtempSync(join(tmpdir(), 'govreport-desk-'));
let failed = 0;
const results = [];
async function test(name, fn) {
  try {
    await fn();
    results.push(`ok - desk: ${name}`);
  } catch (e) {
    failed++;
    results.push(`not ok - desk: ${name} -- ${String(e?.stack ?? e).split('\n').slice(0, 3).join(' | ')}`);
  }
  console.log(results[results.length - 1]);
}
function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

const folder = join(work, '示例区');
cpSync(join(root, 'fixtures', 'desk', 'district'), folder, { recursive: true });
cpSync(join(root, 'fixtures', 'seeds'), join(work, 'seeds'), { recursive: true, filter: (s) => !s.endsWith('.json') });
writeFileSync(join(work, 'seeds', '损坏的报告.txt'), Buffer.from([0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 0, 0, 0]));
const page = join(work, 'review.html');
const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', '--format', 'html', '--output', page, '示例区', 'seeds'], { cwd: work, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '' } });

let browser;
try {
  await test('govreport check --format html writes the page and exits 2 for the unreadable file', async () => {
    assert(r.status === 2, `exit ${r.status}: ${r.stderr}`);
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN', offline: true });
  const requests = [];
  await ctx.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  const p = await ctx.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await p.goto(pathToFileURL(page).href);
  const rows = () => p.$$eval('#reports-body tr.report', (trs) => trs.map((tr) => ({ agency: tr.children[0].textContent, errors: Number(tr.children[3].textContent), file: tr.lastElementChild.textContent })));

  await test('loads with no network: no request leaves the page, no script error, Chinese', async () => {
    await p.waitForSelector('#reports-body tr.report');
    assert(requests.length === 0, `requests: ${requests.join(', ')}`);
    assert(errors.length === 0, `errors: ${errors.join(' | ')}`);
    assert((await p.getAttribute('html', 'lang')) === 'zh-CN', 'lang');
    assert((await p.textContent('h1')).includes('政府信息公开工作年度报告审核结果'), 'title');
    const all = await rows();
    assert(all.length === 9, `rows: ${all.length}`);
  });
  await test('lists the unreadable file and the missing agency apart', async () => {
    assert((await p.textContent('#unreadable')).includes('损坏的报告.txt'), 'unreadable');
    assert((await p.textContent('#missing')).includes('示例区司法局'), 'missing');
  });
  if (docs) await p.screenshot({ path: join(root, 'docs', 'images', 'desk.png') });
  await p.screenshot({ path: join(shots, 'desk.png') });
  await test('sorts by errors (most first, by default), then by agency when its header is clicked', async () => {
    const byErrors = (await rows()).map((x) => x.errors);
    assert(byErrors.every((v, i) => i === 0 || byErrors[i - 1] >= v), `not by errors: ${byErrors}`);
    await p.click('th[data-key=agency] button');
    assert((await p.getAttribute('th[data-key=agency]', 'aria-sort')) === 'ascending', 'aria-sort');
    const names = (await rows()).map((x) => x.agency.replace(/^▸ \d+ 个问题 /, ''));
    const sorted = [...names].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'));
    assert(JSON.stringify(names) === JSON.stringify(sorted), `not by agency: ${names}`);
    await p.click('th[data-key=agency] button');
    assert((await p.getAttribute('th[data-key=agency]', 'aria-sort')) === 'descending', 'second click reverses');
  });
  await test('filters by agency and by code', async () => {
    await p.fill('#agency-filter', '示例区');
    const some = await rows();
    assert(some.length === 4 && some.every((x) => x.agency.includes('示例')), `agency filter: ${some.map((x) => x.agency)}`);
    await p.fill('#agency-filter', '');
    await p.selectOption('#code-filter', 'hierarchy-sum');
    const h = await rows();
    assert(h.length === 1 && h[0].agency.includes('示例区人民政府'), `code filter: ${h.map((x) => x.agency)}`);
  });
  await test('expands a report to its findings, naming table, row and cell', async () => {
    await p.click('#reports-body tr.report button.toggle');
    await p.waitForSelector('tr.details .finding');
    const f = await p.$$eval('tr.details .finding', (els) => els.map((e) => ({ code: e.dataset.code, where: e.querySelector('.where').textContent, message: e.querySelector('.message').textContent })));
    assert(f.length === 6 && f.every((x) => x.code === 'hierarchy-sum'), `findings: ${f.length}`);
    assert(f[0].where === '收到和处理政府信息公开申请情况表 · 一、本年新收政府信息公开申请数量 · 自然人', `where: ${f[0].where}`);
    assert(f[0].message.includes('3 个下级机关之和为 30'), f[0].message);
    assert((await p.getAttribute('#reports-body tr.report button.toggle', 'aria-expanded')) === 'true', 'aria-expanded');
    if (docs) await p.screenshot({ path: join(root, 'docs', 'images', 'desk-expanded.png') });
    await p.screenshot({ path: join(shots, 'desk-expanded.png') });
    await p.click('#reports-body tr.report button.toggle');
    assert((await p.$$('tr.details')).length === 0, 'collapses again');
  });
} catch (e) {
  failed++;
  console.log(`not ok - desk: harness -- ${String(e?.stack ?? e).split('\n')[0]}`);
} finally {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
