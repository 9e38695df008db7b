import { SECTIONS } from '../../format/spec';
import { keyOf } from '../../text/normalize';
import type { Range } from '../../text/lines';
import { replace } from '../edits';
import type { Check, CheckContext, RawFinding } from '../types';

/**
 * The title without conversion debris inside it (`五、存在的主要问题及改进情况 {#problems}`): the debris is
 * conversion-debris's to report, and is no reason to call the title non-canonical. Returns the title's text
 * and the range a fix may replace, which leaves debris at either end alone.
 */
function cleanTitle(ctx: CheckContext, title: { text: string; range: Range }): { text: string; range: Range } {
  const { start, end } = title.range;
  if (start.line !== end.line) return title;
  if (ctx.model.debris.length === 0) return title;
  const line = ctx.lines[start.line]!.text;
  const inside = ctx.model.debris
    .filter((d) => d.range.start.line === start.line && d.range.start.character >= start.character && d.range.end.character <= end.character)
    .sort((a, b) => a.range.start.character - b.range.start.character);
  if (inside.length === 0) return title;
  let text = '';
  let at = start.character;
  for (const d of inside) {
    text += line.slice(at, d.range.start.character);
    at = d.range.end.character;
  }
  text += line.slice(at, end.character);
  // The fix's target: the title trimmed of debris (and white space) at its ends.
  let s = start.character;
  let e = end.character;
  for (const d of inside) {
    if (line.slice(s, d.range.start.character).trim() !== '') break;
    s = d.range.end.character;
  }
  for (const d of [...inside].reverse()) {
    if (line.slice(d.range.end.character, e).trim() !== '') break;
    e = d.range.start.character;
  }
  while (s < e && /\s/.test(line[s]!)) s++;
  while (e > s && /\s/.test(line[e - 1]!)) e--;
  return { text: text.trim(), range: { start: { line: start.line, character: s }, end: { line: start.line, character: e } } };
}

/** The canonical titles' keys, by section number. */
const CANONICAL_KEY = new Map(SECTIONS.map((x) => [x.number, keyOf(x.title)]));

export const sectionTitle: Check = {
  meta: {
    code: 'section-title',
    defaultSeverity: 'information',
    fixes: ['safe'],
    description: { zh: '部分标题与规范标题不一致', en: 'A recognised section has a non-canonical title' },
    docs: {
      why: {
        zh: '2021 年格式规定了六个部分的标题。沿用旧标题（如“因政府信息公开工作被申请行政复议、提起行政诉讼情况”）或自拟标题不影响阅读，但不符合格式。',
        en: 'The 2021 format fixes the six titles. Old titles (因政府信息公开工作被申请行政复议、提起行政诉讼情况) or home-made ones read fine but depart from the format.',
      },
      example: '五、存在的主要问题及整改措施',
      fix: { zh: '快速修复把标题换成规范标题，序号不变。', en: 'The quick fix replaces the title with the canonical one, keeping the numeral.' },
    },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const s of ctx.model.sections) {
      const spec = SECTIONS.find((x) => x.number === s.number)!;
      const title = cleanTitle(ctx, s.heading.title);
      if (title.text === spec.title || keyOf(title.text) === CANONICAL_KEY.get(s.number)) continue;
      out.push({
        range: title.range,
        message: ctx.t({ zh: `标题“${title.text}”与规范标题“${spec.title}”不一致`, en: `Title "${title.text}" differs from the canonical "${spec.title}"` }),
        fix: { title: ctx.t({ zh: `改为“${spec.title}”`, en: `Change to "${spec.title}"` }), kind: 'safe', edits: [replace(title.range, spec.title)] },
        data: { section: s.number },
      });
    }
    return out;
  },
};
