/** Folding per section, per sub-heading and per table. */
import { type FoldingRange, FoldingRangeKind } from 'vscode-languageserver';
import type { ReportModel } from '../../core/model';

export function foldingRanges(model: ReportModel): FoldingRange[] {
  if (!model.isReport) return [];
  const out: FoldingRange[] = [];
  const add = (start: number, end: number, kind?: FoldingRangeKind) => {
    if (end > start) out.push({ startLine: start, endLine: end, ...(kind ? { kind } : {}) });
  };
  for (const s of model.sections) {
    add(s.range.start.line, s.range.end.line);
    for (const h of s.subheadings) add(h.fullRange.start.line, h.fullRange.end.line);
  }
  for (const t of Object.values(model.tables)) {
    add(t.range.start.line, t.range.end.line, FoldingRangeKind.Region);
    for (const b of t.blocks ?? []) add(b.range.start.line, b.range.end.line, FoldingRangeKind.Region);
  }
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
