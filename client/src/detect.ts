/**
 * Whether a plain-text document is a 政府信息公开工作年度报告, from its first lines. Pure (no editor API) so
 * it can be unit-tested; the client uses it to switch such documents to the 'govreport' language.
 */

/** How much of the document's head is looked at. */
export const HEAD_LINES = 20;
export const HEAD_CHARS = 2000;

/** The first lines of a text (at most HEAD_LINES lines and HEAD_CHARS characters), whitespace removed. */
export function reportHead(text: string): string {
  let head = text.slice(0, HEAD_CHARS);
  let end = -1;
  for (let i = 0; i < HEAD_LINES; i++) {
    end = head.indexOf('\n', end + 1);
    if (end < 0) break;
  }
  if (end >= 0) head = head.slice(0, end);
  // Titles arrive broken by spaces, tabs, line breaks and full-width spaces: "政府信息公开工作 年度报告".
  return head.replace(/^\uFEFF/, '').replace(/[\s\u3000]+/g, '');
}

/** True when the head names both 政府信息公开 and 年度报告 (or 年报). */
export function looksLikeReport(text: string): boolean {
  const head = reportHead(text);
  return head.includes('政府信息公开') && /年度报告|年报/.test(head);
}
