import type { Debris, LabelDeviation } from '../../model';
import { type Range, span } from '../../text/lines';
import { keyOf } from '../../text/normalize';
import { replace } from '../edits';
import type { Check, CheckContext, RawFinding } from '../types';

/**
 * A label's text and range without conversion debris at its ends (`[bookmark: _Toc9]一、本年新收…`): the debris
 * is conversion-debris's to report, is no reason to call the label non-canonical, and a fix must not eat the
 * numbering behind it.
 */
function withoutDebris(debris: readonly Debris[], line: string, r: Range): { text: string; range: Range } {
  let s = r.start.character;
  let e = r.end.character;
  const here: Debris[] = [];
  for (let k = 0; k < debris.length; k++) if (debris[k]!.range.start.line === r.start.line) here.push(debris[k]!);
  if (here.length > 1) here.sort((a, b) => a.range.start.character - b.range.start.character);
  for (const d of here) {
    if (d.range.start.character < s || d.range.end.character > e) continue;
    if (line.slice(s, d.range.start.character).trim() !== '') break;
    s = d.range.end.character;
  }
  for (const d of [...here].reverse()) {
    if (d.range.start.character < s || d.range.end.character > e) continue;
    if (line.slice(d.range.end.character, e).trim() !== '') break;
    e = d.range.start.character;
  }
  while (s < e && /\s/.test(line[s]!)) s++;
  while (e > s && /\s/.test(line[e - 1]!)) e--;
  return { text: line.slice(s, e), range: span(r.start.line, s, e) };
}

/**
 * Whether the written label holds the canonical one whole beside other words: then the other words are cells
 * or lines run into the label by a copy (a header cell such as 信息内容 or the group's label such as
 * （三）不予公开 one space apart, the next block's caption with no space at all) — the label itself is right,
 * and rewriting it would delete what the clerk wrote.
 */
function holdsCanonical(written: string, canonical: string): boolean {
  const want = keyOf(canonical);
  // Run in without a space (a PDF page break that put the next block's caption on this row's line:
  // `行政强制第二十条第（八）项`): the canonical label is still there whole, and a fix would delete the rest.
  const have = bareKey(written);
  if (want.length > 0 && have.length > want.length && have.includes(want)) return true;
  const parts = written.trim().split(/\s+/);
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j <= parts.length; j++) {
      if (j - i < parts.length && keyOf(parts.slice(i, j).join(' ')) === want) return true;
    }
  }
  return false;
}

/** How far below a label cut by the line's end its rest may be (a PDF wraps it, sometimes past a page break). */
const MAX_WRAP_LINES = 20;

/**
 * Whether the written label is the start of the canonical one and the rest of it follows within a few lines
 * (`（二）部分公开（区分处理的，只计` … `这一情形，不计其他情形）`): a label that a PDF wrapped, not a wrong one — a
 * fix would write its rest twice.
 */
function wrappedOnward(lines: readonly { text: string }[], line: number, written: string, canonical: string): boolean {
  const have = bareKey(written);
  const want = keyOf(canonical);
  if (have.length === 0 || have.length >= want.length || !want.startsWith(have)) return false;
  const rest = want.slice(have.length);
  // The rest on one line, or over several with the row's values between (PDF layout text wraps a label in
  // its narrow cell above and below the line its values are on: `(区分处理的, 只` / values / `计这一情形, 不` /
  // `计其他情形)`).
  let pieces = '';
  for (let i = line + 1; i <= line + MAX_WRAP_LINES && i < lines.length; i++) {
    const key = keyOf(lines[i]!.text);
    if (key.includes(rest)) return true;
    const piece = keyOf(lines[i]!.text.replace(FIGURES, ' '));
    pieces += piece;
    if (pieces.startsWith(rest)) return true;
    // Not the rest's next piece: the rest may begin again further on (past a page break and a header).
    if (!rest.startsWith(pieces)) pieces = rest.startsWith(piece) ? piece : '';
  }
  return false;
}

/** Runs of figures (the row's values) between the pieces of a wrapped label. */
const FIGURES = /[0-9０-９]+/g;

/**
 * In a table not read with confidence the reader's labels may be pieces of labels (one wrapped over lines, a
 * value inside one): there only a whole label that differs from the canonical one in its characters but not in
 * its length (`（一）予以公幵`) is a fact worth telling — without a fix, since which text is the label is not sure.
 */
function garbledWhole(written: string, canonical: string): boolean {
  const have = bareKey(written);
  const want = keyOf(canonical);
  return have.length === want.length && have !== want && !/\d/.test(have);
}

const NUMBERING = /^\s*(?:[（(]\s*[一二三四五六七八九十]+\s*[)）]|[一二三四五六七八九十]+\s*、|\d{1,2}\s*[.、．)]\s*)\s*/;

/** A written row label's key without its numbering (canonical labels carry none). */
const bareKey = (written: string) => keyOf(written.replace(NUMBERING, ''));

/** The finding for a label that departs from the canonical one (its fix, if any, is the caller's). */
function deviation(ctx: Pick<CheckContext, 't'>, table: string, d: LabelDeviation, range: Range, written: string): RawFinding {
  return {
    range,
    message: ctx.t({ zh: `“${written}”与规范名称“${d.canonical}”不一致`, en: `"${written}" differs from the canonical label "${d.canonical}"` }),
    data: { table, row: d.key, canonical: d.canonical },
  };
}

export const tableLabel: Check = {
  meta: {
    code: 'table-label',
    defaultSeverity: 'information',
    fixes: ['safe'],
    description: { zh: '行名或列名与规范名称不一致', en: 'A row or column label deviates from the canonical one' },
    docs: {
      why: {
        zh: '表格的行名、列名应与格式一致。“规范性文件”“其他法律法规禁止公开”等沿用旧写法或漏字的行名不影响读取，但不符合格式。',
        en: 'Row and column labels should be those of the format. Old or shortened ones (规范性文件, 其他法律法规禁止公开) are still read but depart from the format.',
      },
      example: '2.其他法律法规禁止公开    ← 规范写法为“其他法律行政法规禁止公开”',
      fix: { zh: '快速修复换成规范名称，保留原有的编号。', en: 'The quick fix writes the canonical label, keeping the numbering.' },
    },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    for (const t of Object.values(ctx.model.tables)) {
      for (const d of t.labels) {
        let r = d.written.range;
        let written = d.written.text;
        if (!t.confident) {
          if (r.start.line === r.end.line && garbledWhole(written, d.canonical)) out.push(deviation(ctx, t.key, d, r, written));
          continue;
        }
        if (r.start.line === r.end.line) {
          const clean = withoutDebris(ctx.model.debris, ctx.lines[r.start.line]!.text, r);
          if (clean.range.start.character !== r.start.character || clean.range.end.character !== r.end.character) {
            if (keyOf(clean.text) === keyOf(d.canonical)) continue;
            r = clean.range;
            written = clean.text;
          }
        }
        if (holdsCanonical(written, d.canonical) || wrappedOnward(ctx.lines, r.end.line, written, d.canonical)) continue;
        const f = deviation(ctx, t.key, d, r, written);
        if (r.start.line === r.end.line) {
          const m = NUMBERING.exec(written);
          const keep = d.kind === 'row' && m ? m[0].length : 0;
          const target = span(r.start.line, r.start.character + keep, r.end.character);
          f.fix = { title: ctx.t({ zh: `改为“${d.canonical}”`, en: `Change to "${d.canonical}"` }), kind: 'safe', edits: [replace(target, d.canonical)] };
        }
        out.push(f);
      }
    }
    return out;
  },
};
