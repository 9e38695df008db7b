/**
 * What the PDF reader's parts share: the geometry they are tuned by (in PDF points, named here next to what
 * they govern), a page's text runs, and a table found on a page (ruled or laid out without rules).
 */
import type { RawCell, RawTable } from './view';

export const GEOMETRY = {
  /** A filled rectangle thinner than this is a ruling line. */
  ruleThickness: 3,
  /** Rules this close are one boundary; segments this close along their line are one segment. */
  snap: 2.5,
  /** Runs on one line whose gap is below this share of the font size are one run (split runs, "35" "1"). */
  joinGap: 0.3,
  /** A gap wider than this share of the font size separates cells of a table drawn without rules. */
  cellGap: 0.9,
  /** Before a number that follows text, a gap this wide already separates cells (wider than a space). */
  valueGap: 0.5,
  /** Baselines within this share of the font size are one line. */
  lineTolerance: 0.45,
  /** The top and bottom share of a page where page numbers, headers and footers live. */
  margin: 0.09,
};

/** A table's value: a number, a share, or a mark for "nothing to report" (/, —, -; 无 is a word). */
export const VALUE = /^(?:[-+]?\d[\d,，]*(?:[.．]\d+)?%?|[-+]?[.．]\d+%?|[/／]|[—–－-]{1,3})$/;

/** A piece of text on a page: its left edge and baseline, width and font size. */
export interface Run {
  text: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

/** A cell of a table on a page, with its left and right edge (to lay a continued part on the first part's columns). */
export type PdfCell = RawCell & { x0: number; x1: number };

export interface PageTable {
  top: number;
  bottom: number;
  /** Column boundaries, left to right. */
  xs: number[];
  raw: RawTable;
}

const CJK_END = /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]$/;
const CJK_START = /^[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/;

/** Runs of one line, left to right, as text: a space between Latin words apart, nothing between Chinese ones. */
export function lineText(runs: Run[]): string {
  let text = '';
  let end = -Infinity;
  for (const run of runs) {
    if (text && run.x - end > GEOMETRY.joinGap * run.size && !CJK_END.test(text) && !CJK_START.test(run.text)) text += ' ';
    text += run.text;
    end = Math.max(end, run.x + run.w);
  }
  return text;
}

/** Runs grouped into lines by baseline, top to bottom, each line's runs left to right. */
export function baselines(runs: Run[]): Run[][] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Run[][] = [];
  for (const run of sorted) {
    const cur = lines[lines.length - 1];
    if (cur && Math.abs(cur[0]!.y - run.y) <= GEOMETRY.lineTolerance * Math.max(run.size, cur[0]!.size)) cur.push(run);
    else lines.push([run]);
  }
  for (const l of lines) l.sort((a, b) => a.x - b.x);
  return lines;
}
