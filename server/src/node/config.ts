/**
 * Finds and reads `govreport.json` (JSON with comments and trailing commas), upward from a report's folder. Results are cached per folder and
 * invalidated by the file's modification time, so the editor can ask on every check without touching the
 * disk more than a stat per folder.
 */
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { findNodeAtLocation, getNodeValue, type ParseError, ParseErrorCode, parseTree } from 'jsonc-parser';
import { readSettings, type Settings, type SettingsProblem } from '../core/settings';
import { readFileBytesSync, reasonIn } from './files';

/** A govreport.json is a few hundred bytes; one over this is not read. */
export const MAX_CONFIG_BYTES = 1_000_000;

export const CONFIG_NAME = 'govreport.json';

export interface ConfigFile {
  path: string;
  settings: Partial<Settings>;
  /** Keys the file sets (so unset keys don't override the editor's settings). */
  keys: string[];
  problems: SettingsProblem[];
  /** The file's text as read (without a byte-order mark), for naming places in it. */
  text: string;
}

interface Cached {
  mtimeMs: number;
  config: ConfigFile;
}

const cache = new Map<string, Cached>();

/** jsonc-parser's error codes in words. */
const SYNTAX: Partial<Record<ParseErrorCode, { zh: string; en: string }>> = {
  [ParseErrorCode.InvalidSymbol]: { zh: '无法识别的字符', en: 'unexpected character' },
  [ParseErrorCode.InvalidNumberFormat]: { zh: '数字格式不对', en: 'malformed number' },
  [ParseErrorCode.PropertyNameExpected]: { zh: '此处应为用双引号括起的设置名', en: 'a setting name in double quotes expected' },
  [ParseErrorCode.ValueExpected]: { zh: '此处缺少值', en: 'a value expected' },
  [ParseErrorCode.ColonExpected]: { zh: '此处缺少冒号“:”', en: 'colon expected' },
  [ParseErrorCode.CommaExpected]: { zh: '此处缺少逗号“,”', en: 'comma expected' },
  [ParseErrorCode.CloseBraceExpected]: { zh: '缺少右花括号“}”', en: 'closing brace expected' },
  [ParseErrorCode.CloseBracketExpected]: { zh: '缺少右方括号“]”', en: 'closing bracket expected' },
  [ParseErrorCode.EndOfFileExpected]: { zh: '结尾之后还有多余的内容', en: 'text after the end' },
  [ParseErrorCode.UnexpectedEndOfComment]: { zh: '注释没有结束', en: 'comment not closed' },
  [ParseErrorCode.UnexpectedEndOfString]: { zh: '字符串没有结束（缺少双引号）', en: 'string not closed' },
  [ParseErrorCode.InvalidCharacter]: { zh: '字符串中有不允许的字符', en: 'invalid character in a string' },
};

/** 1-based line and column (in UTF-16 code units, as editors count) of an offset. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * Reads a govreport.json: JSON with comments and trailing commas (as VS Code's own settings files). A syntax
 * error is reported with its line and column and the file is not used; bad keys and values are reported
 * with theirs, and only those fall back to their defaults.
 */
export function parseConfig(file: string, raw: string): ConfigFile {
  const text = raw.replace(/^\uFEFF/, '');
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !root) {
    const e = errors[0];
    const at = e ? positionOf(text, e.offset) : { line: 1, column: 1 };
    const what = (e && SYNTAX[e.error]) ?? { zh: '不是有效的 JSON', en: 'not valid JSON' };
    return {
      path: file, settings: {}, keys: [], text,
      problems: [{
        key: '', id: `syntax|${what.en}`, line: at.line, column: at.column,
        message: `${file} 第 ${at.line} 行第 ${at.column} 列：${what.zh}，整个文件未采用`,
        en: `${file}:${at.line}:${at.column}: ${what.en}; the file is not used`,
      }],
    };
  }
  const json: unknown = getNodeValue(root);
  const locate = (p: readonly string[]) => {
    const node = findNodeAtLocation(root, [...p]);
    const key = node?.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
    return key ? positionOf(text, key.offset) : undefined;
  };
  const { settings, problems } = readSettings(json, file, locate);
  // The baseline file is named relative to the govreport.json that names it.
  if (settings.baseline) settings.baseline = path.resolve(path.dirname(file), settings.baseline);
  const keys = json && typeof json === 'object' && !Array.isArray(json) ? Object.keys(json).filter((k) => !problems.some((p) => p.key === k)) : [];
  return { path: file, settings, keys, problems, text };
}

/** The nearest govreport.json at or above `dir`, or undefined. Stops at `stopAt` when given. */
export function findConfigSync(dir: string, stopAt?: string): ConfigFile | undefined {
  let cur = path.resolve(dir);
  for (let i = 0; i < 64; i++) {
    const file = path.join(cur, CONFIG_NAME);
    let st;
    try {
      st = statSync(file);
    } catch {
      st = undefined;
    }
    // Any govreport.json here is this folder's, even one that cannot be read (a FIFO, a device, a folder): it
    // is named as such, not passed over for one further up.
    if (st) {
      const hit = cache.get(file);
      if (hit && hit.mtimeMs === st.mtimeMs) return hit.config;
      let text: string;
      try {
        // Never more than a config can be, and never blocking (the file may have become a FIFO since the stat).
        text = readFileBytesSync(file, MAX_CONFIG_BYTES).toString('utf8');
      } catch (err) {
        const why = (err as Error).message;
        return { path: file, settings: {}, keys: [], text: '', problems: [{ key: '', id: `unreadable|${why}`, message: `${file}：${reasonIn(why, 'zh')}；其中的设置未采用`, en: `${file}: cannot be read (${why}); its settings are not used` }] };
      }
      const config = parseConfig(file, text);
      cache.set(file, { mtimeMs: st.mtimeMs, config });
      return config;
    }
    if (stopAt && path.resolve(stopAt) === cur) return undefined;
    const up = path.dirname(cur);
    if (up === cur) return undefined;
    cur = up;
  }
  return undefined;
}

export function clearConfigCache(): void {
  cache.clear();
}
