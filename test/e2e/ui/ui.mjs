// The user's view, driven in headless Chromium: open a seed, squiggles, the Problems panel with our messages,
// the Outline with the sections, a hover on a table cell, a quick fix chosen and applied with the keyboard.
import { launch, workbenchUrl } from '../browser.mjs';

const NUMERALS = ['', '一', '二', '三', '四', '五', '六'];

export async function runUi({ url, folder, shots, oracle }) {
  const t0 = Date.now();
  const log = (...a) => console.log(`# [${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
  let failed = 0;
  const check = (name, cond, info = '') => {
    console.log(`${cond ? 'ok' : 'not ok'} - ui: ${name}${cond || !info ? '' : `  -- ${String(info).slice(0, 600)}`}`);
    if (!cond) failed++;
    return cond;
  };
  const { ctx, page } = await launch({ viewport: { width: 1440, height: 900 } });
  const shot = async (name) => { for (const d of shots) await page.screenshot({ path: `${d}/${name}.png` }); };
  page.on('pageerror', (e) => log('page error', e.message.slice(0, 200)));
  const seed = oracle.find((s) => s.name.startsWith('000'));
  const cellSeed = oracle.find((s) => s.name.startsWith('004'));
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  // Go to Line, then the cursor right `character` times (Go to Line's own columns count CJK characters oddly),
  // checked against the status bar's "Ln l, Col c" (tabs expanded to 4): a key can land before the focus does.
  const status = page.locator('#status\\.editor\\.selection');
  const visualCol = (text, character) => [...text.slice(0, character)].reduce((c, ch) => (ch === '\t' ? c + 4 - (c % 4) : c + 1), 0) + 1;
  const goTo = async (line, character, text) => {
    const want = `Ln ${line}, Col ${text === undefined ? 1 : visualCol(text, character)}`;
    for (let attempt = 0; attempt < 3; attempt++) {
      await page.keyboard.press('Control+G');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 10000 });
      await input.fill(`:${line}`);
      await page.keyboard.press('Enter');
      await page.waitForFunction((w) => (document.getElementById('status.editor.selection')?.innerText ?? '').startsWith(w),
        `Ln ${line}, Col 1`, { timeout: 10000 }).catch(() => {});
      for (let i = 0; i < character; i++) await page.keyboard.press('ArrowRight');
      // the status bar follows the cursor a moment later
      const at = await page.waitForFunction((w) => (document.getElementById('status.editor.selection')?.innerText ?? '').startsWith(w),
        want, { timeout: 5000 }).then(() => true, () => false);
      if (at || text === undefined) return;
    }
    throw new Error(`could not put the cursor at ${want} (status: ${await status.innerText().catch(() => '?')})`);
  };
  const open = async (name) => { // Quick Open (Ctrl+P), type the name, Enter
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 10000 });
    await input.fill(name);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 30000 });
    await page.keyboard.press('Enter');
    await page.locator(`.tab.active[aria-label*="${name}"]`).first().waitFor({ timeout: 30000 });
    await editor.locator('.view-lines').waitFor({ timeout: 30000 });
  };
  try {
    await page.goto(workbenchUrl(url, folder));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    log('workbench up');
    await open(seed.name);
    // The client switches the plain-text report to the govreport language (status bar language indicator).
    const mode = page.locator('#status\\.editor\\.mode');
    await page.waitForFunction(() => /政府信息公开年报|GovReport/.test(document.getElementById('status.editor.mode')?.innerText ?? ''), null, { timeout: 30000 })
      .catch(() => {});
    check('language mode shows the report language', /政府信息公开年报|GovReport/.test(await mode.innerText().catch(() => '')), await mode.innerText().catch(() => '?'));
    const ours = page.locator('.statusbar-item', { hasText: String(2021) });
    await ours.first().waitFor({ timeout: 30000 }).catch(() => {});
    check('status bar item shows the report year', await ours.count() > 0,
      (await page.locator('.statusbar-item').allInnerTexts()).join(' | '));

    // Squiggles at the table-label finding (line 55: "2.其他法律法规禁止公开").
    const label = seed.findings.find((f) => f.code === 'table-label');
    await goTo(label.range.start.line + 1, label.range.start.character + 2, seed.text.split('\n')[label.range.start.line]);
    const squiggles = editor.locator('.squiggly-error, .squiggly-warning, .squiggly-info');
    await squiggles.first().waitFor({ timeout: 60000 });
    // Both findings in view (lines 46 and 55) get their squiggle; they may be drawn one after the other.
    const sel = '.editor-group-container.active .monaco-editor :is(.squiggly-error, .squiggly-warning, .squiggly-info)';
    await page.waitForFunction((q) => document.querySelectorAll(q).length >= 2, sel, { timeout: 30000 }).catch(() => {});
    const n = await squiggles.count();
    check('squiggles in the editor', n >= 2, `${n} squiggle(s)`);
    check('an error squiggle (table-column-missing)', await editor.locator('.squiggly-error').count() >= 1);

    // Problems panel with our Chinese messages.
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.filter({ hasText: label.message }).first().waitFor({ timeout: 30000 });
    const texts = await rows.allInnerTexts();
    const missing = seed.findings.filter((f) => !texts.some((t) => t.includes(f.message)));
    check('Problems panel lists every finding with its message', missing.length === 0, `missing: ${missing.map((f) => f.message).join(' / ')}; rows: ${texts.join(' / ')}`);
    await shot('problems');

    // Outline: the sections, in order (the folder's pane collapsed to give the Outline the room).
    await page.locator('.pane-header', { hasText: 'workspace' }).first().click();
    const outlineHeader = page.locator('.pane-header', { hasText: 'Outline' }).first();
    if ((await outlineHeader.getAttribute('aria-expanded')) !== 'true') await outlineHeader.click();
    const outline = page.locator('.outline-pane .monaco-list-row');
    await outline.filter({ hasText: '一、总体情况' }).first().waitFor({ timeout: 30000 });
    const syms = await outline.allInnerTexts();
    const wantSyms = seed.sections.map((s) => `${NUMERALS[s.number]}、${s.title}`);
    const at = wantSyms.map((n) => syms.findIndex((t) => t.includes(n)));
    check('Outline shows the sections in order', at.every((i, k) => i >= 0 && (k === 0 || i > at[k - 1])), syms.join(' / '));
    await shot('outline');

    // Quick fix with the keyboard: Ctrl+. at the finding, arrow to our fix, Enter.
    await page.keyboard.press('Control+1');
    await goTo(label.range.start.line + 1, label.range.start.character + 2, seed.text.split('\n')[label.range.start.line]);
    const wanted = page.locator('.action-widget .monaco-list-row', { hasText: '其他法律行政法规禁止公开' }).first();
    for (let i = 0; i < 6 && !(await wanted.isVisible()); i++) { // Ctrl+. can race the light bulb: retry
      await page.keyboard.press('Control+.');
      await wanted.waitFor({ timeout: 4000 }).catch(async () => { await page.keyboard.press('Escape'); });
    }
    check('quick fix menu offers our fix', await wanted.isVisible());
    for (let i = 0; i < 10; i++) {
      const focused = page.locator('.action-widget .monaco-list-row.focused');
      if ((await focused.innerText().catch(() => '')).includes('其他法律行政法规禁止公开')) break;
      await page.keyboard.press('ArrowDown');
    }
    await shot('quickfix');
    await page.keyboard.press('Enter');
    await editor.locator('.view-lines', { hasText: '其他法律行政法规禁止公开' }).waitFor({ timeout: 15000 }).catch(() => {});
    check('quick fix applied in the editor', (await editor.locator('.view-lines').innerText()).includes('2.其他法律行政法规禁止公开'));
    await rows.filter({ hasText: label.message }).first().waitFor({ state: 'detached', timeout: 30000 }).catch(() => {});
    const after = await rows.allInnerTexts();
    check('its finding left the Problems panel', !after.some((t) => t.includes(label.message))
      && seed.findings.filter((f) => f !== label).every((f) => after.some((t) => t.includes(f.message))), after.join(' / '));

    // Hover on a table cell of another report: row and column names.
    await open(cellSeed.name);
    const line = cellSeed.text.split('\n').findIndex((l) => l.startsWith('一、本年新收政府信息公开申请数量\t\t'));
    await goTo(line + 1, 18, cellSeed.text.split('\n')[line]);
    const hover = page.locator('.monaco-hover:visible', { hasText: '自然人' }).first();
    for (let i = 0; i < 5 && !(await hover.isVisible()); i++) {
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      await hover.waitFor({ timeout: 4000 }).catch(() => {});
    }
    const hoverText = await hover.innerText().catch(() => '');
    check('hover on a table cell names its row and column', /本年新收/.test(hoverText) && /自然人/.test(hoverText), hoverText);
    await shot('hover');
    await page.keyboard.press('Escape');

    // A new report from the command palette: the year and agency asked in input boxes.
    await page.keyboard.press('Control+Shift+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 10000 });
    await input.fill('>GovReport: New report');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'New report' }).first().waitFor({ timeout: 15000 });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /^\d{4}$/.test(document.querySelector('.quick-input-widget input')?.value ?? ''), null, { timeout: 15000 });
    await input.fill('2023');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.querySelector('.quick-input-widget input')?.value ?? 'x') === '', null, { timeout: 15000 });
    await input.fill('测试县人民政府办公室');
    await page.keyboard.press('Enter');
    // Named for saving as <年份>年<机关>政府信息公开工作年度报告.txt, not "Untitled-1".
    const tab = page.locator('.tab.active', { hasText: '2023年测试县人民政府办公室政府信息公开工作年度报告.txt' }).first();
    check('the new report is named <年份>年<机关>政府信息公开工作年度报告.txt', await tab.waitFor({ timeout: 15000 }).then(() => true, () => false),
      (await page.locator('.tab').allInnerTexts()).join(' | '));
    // The tab opens before the template is inserted into it: wait for the text, not for the tab alone.
    await editor.locator('.view-lines', { hasText: '测试县人民政府办公室' }).waitFor({ timeout: 15000 }).catch(() => {});
    const newText = await editor.locator('.view-lines').innerText().catch(() => '');
    check('New report command opens the template for the agency and year', newText.includes('测试县人民政府办公室') && newText.includes('2023'), newText.slice(0, 200));
    await shot('new-report');
  } catch (e) {
    check(`no exception (${e.message.split('\n')[0]})`, false);
    await page.screenshot({ path: `${shots[0]}/error.png` }).catch(() => {});
  } finally {
    await ctx.close().catch(() => {});
  }
  return failed;
}
