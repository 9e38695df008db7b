/**
 * English messages: every finding of the check fixtures and the seeds has one, in English. Chinese may appear
 * only quoted ("信息处理费", “…”): a term the clerk will look for in the report, never a Chinese sentence.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/core/checks/types';
import { checkText, type CheckOptions, parseReport } from '../../server/src/core/service';
import { type Fixture, loadFixtures } from '../helpers/fixtures';

const fixtures = loadFixtures().filter((f) => f.name.startsWith('checks/') || f.name.startsWith('seeds/'));

function optionsOf(f: Fixture, locale: 'zh' | 'en'): CheckOptions {
  const e = f.expected as typeof f.expected & { previous?: string };
  const opts: CheckOptions = { locale };
  if (e.previous) opts.previous = { model: parseReport(readFileSync(path.resolve(path.dirname(f.file), e.previous), 'utf8')), label: e.previous };
  return opts;
}

/** Chinese characters and CJK or full-width punctuation. */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+/;

/** The first Chinese left once quoted text is taken out, or null. */
function unquotedChinese(s: string): string | null {
  const rest = s.replace(/"[^"]*"|“[^”]*”/g, '');
  return CJK.exec(rest)?.[0] ?? null;
}

/** Every text of a finding a user reads. */
function texts(d: Finding): [string, string][] {
  return [
    ['message', d.message],
    ...(d.fix ? [['fix', d.fix.title] as [string, string]] : []),
    ...(d.moreFixes ?? []).map((x): [string, string] => ['more fix', x.title]),
    ...(d.related ?? []).map((r): [string, string] => ['related', r.message]),
  ];
}

describe('English messages', () => {
  it('the test itself tells quoted terms from Chinese sentences', () => {
    assert.equal(unquotedChinese('Title "存在的主要问题及整改措施" differs from the canonical “存在的主要问题及改进情况”'), null);
    assert.equal(unquotedChinese('Section 六 says nothing of 信息处理费'), '六');
    assert.equal(unquotedChinese('缺少第五部分'), '缺少第五部分');
    assert.equal(unquotedChinese('The prose says (未收取）'), '未收取）');
  });
  for (const f of fixtures) {
    const zh = checkText(f.text, optionsOf(f, 'zh')).findings;
    const en = checkText(f.text, optionsOf(f, 'en')).findings;
    if (zh.length === 0) continue;
    it(`${f.name}: ${en.length} findings, each in English`, () => {
      assert.deepEqual(en.map((d) => `${d.code}@${JSON.stringify(d.range)}`), zh.map((d) => `${d.code}@${JSON.stringify(d.range)}`));
      en.forEach((d, i) => {
        assert.ok(d.message.trim().length > 0, `${d.code}: empty message`);
        assert.notEqual(d.message, zh[i]!.message, `${d.code}: the English message is the Chinese one`);
        if (zh[i]!.fix) assert.notEqual(d.fix?.title, zh[i]!.fix!.title, `${d.code}: the fix title is not translated`);
        for (const [what, text] of texts(d)) {
          const cn = unquotedChinese(text);
          assert.equal(cn, null, `${d.code} ${what} has Chinese outside quotes (${cn}): ${text}`);
        }
      });
    });
  }
});
