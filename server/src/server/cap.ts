/**
 * The per-document limit of the editor: VS Code lists at most 1000 problems per file and drops the rest with
 * an English line of its own. Ours stay within the limit: the most severe findings first, and one finding
 * in the reader's language that says how many more there are and how to see them all (the CLI).
 */
import { fileURLToPath } from 'node:url';
import { TOO_MANY_PROBLEMS } from '../core/checks/registry';
import type { Finding, Level, Locale, Severity } from '../core/checks/types';

/** The most problems one document shows, the summary included (VS Code's own limit per file). */
export const MAX_PROBLEMS_PER_DOCUMENT = 1000;

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** How to name the file in a shell command, or undefined when it is not on disk (an untitled document). */
function shellPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return JSON.stringify(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

/**
 * At most `max` findings: when there are more, the `max - 1` most severe (in document order among equals)
 * and a summary finding at the start of the document. `level` is the user's level of the summary's code.
 */
export function capFindings(findings: readonly Finding[], locale: Locale, uri: string, level?: Level, max = MAX_PROBLEMS_PER_DOCUMENT): Finding[] {
  if (findings.length <= max) return findings as Finding[];
  const keep = Math.max(0, max - 1);
  const order = findings.map((_, i) => i).sort((i, j) => RANK[findings[i]!.severity] - RANK[findings[j]!.severity] || i - j);
  const kept = new Set(order.slice(0, keep));
  const shown = findings.filter((_, i) => kept.has(i));
  if (level === 'off') return shown;
  const hidden = findings.length - keep;
  const file = shellPath(uri);
  const how = locale === 'en'
    ? (file ? `run govreport check ${file} in a terminal` : 'save the file, then run govreport check on it in a terminal')
    : (file ? `在终端运行 govreport check ${file}` : '保存文件后，在终端对它运行 govreport check');
  const summary: Finding = {
    code: TOO_MANY_PROBLEMS.code,
    severity: level ?? TOO_MANY_PROBLEMS.defaultSeverity,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: locale === 'en'
      ? `This document has ${findings.length} problems: ${keep} ${keep === 1 ? 'is' : 'are'} listed (the most severe first), ${hidden} more ${hidden === 1 ? 'is' : 'are'} not. To see them all, ${how}`
      : `本文档共有 ${findings.length} 个问题，这里列出 ${keep} 个（先列最严重的），还有 ${hidden} 个未列出。查看全部：${how}`,
    data: { total: findings.length, shown: keep, hidden },
  };
  return [summary, ...shown];
}
