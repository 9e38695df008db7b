/** The per-document cap of the editor (server/cap.ts): the most severe first, one summary, nothing silent. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding, Severity } from '../../server/src/core/checks/types';
import { capFindings } from '../../server/src/server/cap';

const finding = (line: number, severity: Severity): Finding => ({
  code: 'conversion-debris', severity, message: `m${line}`, range: { start: { line, character: 0 }, end: { line, character: 1 } },
});

describe('the per-document cap', () => {
  it('leaves a list within the limit as it is', () => {
    const list = [finding(0, 'hint'), finding(1, 'error')];
    assert.equal(capFindings(list, 'zh', 'file:///a.txt', undefined, 2), list);
  });
  it('keeps the most severe, in document order, and adds one summary at the start', () => {
    const list = [finding(0, 'hint'), finding(1, 'error'), finding(2, 'warning'), finding(3, 'error'), finding(4, 'information')];
    const capped = capFindings(list, 'zh', 'file:///tmp/a%20b.txt', undefined, 4);
    assert.equal(capped.length, 4);
    assert.deepEqual(capped.slice(1).map((f) => f.message), ['m1', 'm2', 'm3']);
    assert.equal(capped[0]!.code, 'too-many-problems');
    assert.equal(capped[0]!.message, '本文档共有 5 个问题，这里列出 3 个（先列最严重的），还有 2 个未列出。查看全部：在终端运行 govreport check "/tmp/a b.txt"');
  });
  it('speaks English when asked, and tells an unsaved document to be saved first', () => {
    const list = [finding(0, 'error'), finding(1, 'error'), finding(2, 'error')];
    const [summary] = capFindings(list, 'en', 'untitled:Untitled-1', undefined, 2);
    assert.equal(summary!.message, 'This document has 3 problems: 1 is listed (the most severe first), 2 more are not. To see them all, save the file, then run govreport check on it in a terminal');
  });
  it('honours the level set for too-many-problems (off: only the cut)', () => {
    const list = [finding(0, 'error'), finding(1, 'error'), finding(2, 'error')];
    assert.equal(capFindings(list, 'zh', 'file:///a.txt', 'information', 2)[0]!.severity, 'information');
    assert.deepEqual(capFindings(list, 'zh', 'file:///a.txt', 'off', 2).map((f) => f.message), ['m0']);
  });
});
