import { digestSection, type ProseDigest, sharedShare, textSimilarity } from '../../desk/copied';
import type { Section } from '../../model';
import type { Line } from '../../text/lines';
import { sectionName } from '../names';
import type { Check, CheckContext, RawFinding, Related } from '../types';

/** The prose sections compared with last year's. */
const SECTIONS = [1, 5, 6] as const;
/** At or above this similarity a text is near-identical to last year's. */
export const NEAR_IDENTICAL = 0.9;
/** Shorter sections (after normalisation) are not compared: "本年度未收取信息处理费。" is the same every year by right. */
const MIN_SECTION_CHARS = 60;
/** Shorter problems of 五 get no finding of their own. */
const MIN_PROBLEM_CHARS = 16;

const pct = (x: number) => `${Math.round(x * 100)}%`;

function digestOf(ctx: CheckContext, s: Section, lines: readonly Line[], key: string): ProseDigest | null {
  const memoKey = `text-copied:${key}:${s.number}`;
  if (ctx.memo.has(memoKey)) return ctx.memo.get(memoKey) as ProseDigest | null;
  const d = digestSection(s, lines);
  ctx.memo.set(memoKey, d);
  return d;
}

export const textCopied: Check = {
  meta: {
    code: 'text-copied',
    defaultSeverity: 'information',
    fixes: [],
    description: {
      zh: '正文部分（一、五、六）与上年报告几乎相同',
      en: 'A prose section (一, 五, 六) is near-identical to last year\'s report',
    },
    docs: {
      why: {
        zh: '“五、存在的主要问题及改进情况”年年照抄是审核中最常见的意见之一：问题若真的一年未变，改进措施就没有落实。本检查把本年的“一、五、六”与同一机关上年报告的同一部分比较（数字不计），相似度达到 90% 时提示，并对“五”中的每个问题分别给出与上年文字的相同程度。只有上年报告在工作区（或命令行输入、--previous 文件夹）中时才检查。',
        en: "Section 五 copied year after year is among reviewers' most common complaints: a problem unchanged for a year means the improvements were not made. This check compares this year's sections 一, 五 and 六 with last year's report of the same agency (numbers aside), says so from 90% similarity, and gives each problem of 五 its own measure of how much of it is last year's text. Checked when last year's report is in the workspace, among the command line's inputs or in --previous.",
      },
      example: '2022 年：五、存在的主要问题及改进情况\n一是公开内容不够全面；二是信息更新不够及时……\n2023 年：（同上，一字未改）',
      fix: {
        zh: '按本年度的实际情况重写：今年发现了哪些问题，上年提出的改进措施落实得怎样。',
        en: "Rewrite it for this year: which problems this year brought, and how last year's improvements worked out.",
      },
    },
  },
  run(ctx) {
    const prev = ctx.previous;
    if (!prev?.lines) return [];
    const src = prev.label ? ctx.t({ zh: prev.label, en: `"${prev.label}"` }) : ctx.t({ zh: '上年报告', en: "last year's report" });
    const at = prev.uri ? { uri: prev.uri } : {};
    const out: RawFinding[] = [];
    for (const num of SECTIONS) {
      const mine = ctx.model.sections.find((s) => s.number === num);
      const theirs = prev.model.sections.find((s) => s.number === num);
      if (!mine || !theirs) continue;
      const a = digestOf(ctx, mine, ctx.lines, 'this');
      const b = digestOf(ctx, theirs, prev.lines, 'previous');
      if (!a || !b || a.section.words.length < MIN_SECTION_CHARS || b.section.words.length < MIN_SECTION_CHARS) continue;
      const sim = textSimilarity(a.section.words, b.section.words);
      const name = sectionName(num, ctx.locale);
      const problems = a.problems.map((p, i) => ({ p, i, share: sharedShare(p.words, b.section.words) }));
      if (sim >= NEAR_IDENTICAL) {
        const each = problems.length >= 2
          ? ctx.t({
            zh: `；各问题与上年文字相同的比例：${problems.map((x) => `问题 ${x.i + 1} ${pct(x.share)}`).join('，')}`,
            en: `; share of each problem's words that are last year's: ${problems.map((x) => `problem ${x.i + 1} ${pct(x.share)}`).join(', ')}`,
          })
          : '';
        const related: Related[] = [
          { range: b.section.range, message: ctx.t({ zh: `${src}的“${name}”`, en: `${name} in ${src}` }), ...at },
          ...(problems.length >= 2 ? problems.map((x) => ({
            range: x.p.range,
            message: ctx.t({ zh: `问题 ${x.i + 1}：${pct(x.share)} 的文字与上年相同`, en: `Problem ${x.i + 1}: ${pct(x.share)} of the words are last year's` }),
          })) : []),
        ];
        out.push({
          range: mine.heading.range,
          message: ctx.t({
            zh: `“${name}”与${src}几乎相同（相似度 ${pct(sim)}，数字不计）${each}`,
            en: `${name} is near-identical to ${src} (similarity ${pct(sim)}, numbers aside)${each}`,
          }),
          related,
          data: { section: num, similarity: Math.round(sim * 100), problems: problems.map((x) => Math.round(x.share * 100)) },
        });
        continue;
      }
      for (const x of problems) {
        if (x.share < NEAR_IDENTICAL || x.p.words.length < MIN_PROBLEM_CHARS) continue;
        out.push({
          range: x.p.range,
          message: ctx.t({
            zh: `“${name}”的问题 ${x.i + 1} 与${src}中的文字几乎相同（${pct(x.share)} 的文字相同，数字不计）`,
            en: `Problem ${x.i + 1} of ${name}: ${pct(x.share)} of its words are in ${src} (numbers aside)`,
          }),
          related: [{ range: b.section.range, message: ctx.t({ zh: `${src}的“${name}”`, en: `${name} in ${src}` }), ...at }],
          data: { section: num, problem: x.i + 1, similarity: Math.round(x.share * 100) },
        });
      }
    }
    return out;
  },
};
