/**
 * The file name a new report suggests: `2024年某某区人民政府政府信息公开工作年度报告.txt` — plain text, which
 * Word, WPS and the upload forms of the disclosure platforms all take. Pure.
 */

/** Characters no file system or upload form takes in a name. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g;
/** Names longer than this are cut (a whole agency name fits; some systems refuse longer paths). */
export const MAX_AGENCY_CHARS = 60;

export function reportFileName(year: number, agency?: string, copy = 1): string {
  const who = (agency ?? '').replace(UNSAFE, '').replace(/\s+/g, '').slice(0, MAX_AGENCY_CHARS);
  return `${year}年${who}政府信息公开工作年度报告${copy > 1 ? `（${copy}）` : ''}.txt`;
}
