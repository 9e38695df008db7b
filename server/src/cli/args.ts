/** The CLI's command line: usage text, options, and the errors a bad command line gets, in the run's language. */
import { metaOf } from '../core/checks/registry';
import type { Locale } from '../core/checks/types';
import { resolveLocale } from '../core/settings';

const HELP_ZH = `govreport — 政府信息公开工作年度报告检查器

用法：
  govreport check [--format text|json|sarif|html|csv] [--output 文件] [--baseline 文件] [--previous 文件夹] 路径...
      检查报告文件和文件夹（在文件夹中查找 .txt、.md、.docx、.pdf 和 .html 文件）。
      退出码：0 没有错误，1 有报告存在错误，2 用法有误或有文件无法读取。
  govreport parse --format json [--locale zh|en] 文件
      输出检查器读到的内容：各部分、表格（列、行、数值；未能可靠读取的表格说明原因）、正文中的数字。
  govreport text 文件
      输出报告被读成的文本：对 .docx、.pdf 或 .html，即问题所在行号所指的文本（表格每行一行，单元格以制表符分隔）。
  govreport fix [--write] [--skeletons] [--suggestions 代码,...] [--locale zh|en] 文件...
      应用只调整格式的修复（序号、标题、名称、转换遗留）；输出结果，或加 --write 直接写回原文件。
      标准错误输出列出修复了什么、还有什么需要人来决定。
      --skeletons 还插入缺少的部分、表格、行和列，单元格标“/”，文字为占位“（待填写：…）”；
      --suggestions 应用所点名检查项推断出的数值（例如 sum-row-total）。
  govreport rules [--locale zh|en]
      列出全部检查代码及其默认级别。

选项：
  --format    text（默认）、json、sarif（SARIF 2.1.0，供代码扫描工具使用）、html（审核用的网页，一个独立文件）
              或 csv（每个问题一行，带 BOM 的 UTF-8，可用 Excel 和 WPS 打开）
  --output 文件   把输出写入文件，而不是标准输出（-o）
  --baseline 文件 已忽略的问题：文件不存在时由本次运行写出；存在时，其中的问题不再显示（SARIF 标为已抑制）
  --locale    提示语言：zh 中文（默认），en 英文；未指定时，LC_ALL / LC_MESSAGES / LANG 为英文（en*）则用英文
  --config    指定一个 govreport.json，代替从各报告所在文件夹向上查找到的那个
  --previous 文件夹  上一年度的报告，用于对比（R9、R10、text-copied），本身不检查
  --jobs N    另用 N 个工作线程与主线程一起检查（默认：24 个文件以上且机器有空闲核心时为核心数减一；0 表示只用主线程）
  --no-cache  不用结果缓存：每个文件都重新检查（默认：内容、设置和版本都未变的文件沿用上次的结果；
              缓存在 ~/.cache/govreport，GOVREPORT_CACHE_DIR 可另指定，GOVREPORT_NO_CACHE=1 也可关闭）
  --no-color  不用颜色输出
  -h, --help  显示本帮助；  -v, --version  显示版本
`;

const HELP_EN = `govreport — checker for government information disclosure annual reports (政府信息公开工作年度报告)

Usage:
  govreport check [--format text|json|sarif|html|csv] [--output FILE] [--baseline FILE] [--previous DIR] PATH...
      Check report files and folders (folders are searched for .txt, .md, .docx, .pdf and .html files).
      Exit status: 0 no errors, 1 a report has errors, 2 bad usage or an unreadable file.
  govreport parse --format json [--locale zh|en] FILE
      Print what the checker read: sections, tables (columns, rows, values; a table not read with
      confidence says why), prose numbers.
  govreport text FILE
      Print the text a report was read as: for a .docx, .pdf or .html, the text view the line numbers of
      findings refer to (each table row one line, cells tab-separated).
  govreport fix [--write] [--skeletons] [--suggestions CODE,...] [--locale zh|en] FILE...
      Apply the safe fixes (form only: numerals, titles, labels, conversion debris); print the result, or with
      --write save it in place. On stderr: what was fixed, and what is left for a person to decide.
      --skeletons also inserts missing sections, tables, rows and columns, blank ("/") and with placeholders
      （待填写：…） to fill in; --suggestions applies the inferred values of the named codes (e.g. sum-row-total).
  govreport rules [--locale zh|en]
      List the check codes with their default severity.

Options:
  --format    text (default), json, sarif (SARIF 2.1.0 for code-scanning tools), html (the reviewer's page:
              one self-contained file), or csv (one row per finding, UTF-8 with BOM for Excel and WPS)
  --output FILE   write the output to FILE instead of standard output (-o)
  --baseline FILE dismissed findings: written from this run when FILE does not exist; when it does, the
              findings it holds are not shown again (SARIF marks them suppressed)
  --locale    message language: zh Chinese (the default) or en English; unset, English when LC_ALL / LC_MESSAGES / LANG is en*
  --config    a govreport.json to use instead of the one found upward from each report
  --previous DIR  last year's reports, to compare with (R9, R10, text-copied); not checked themselves
  --jobs N    check with N worker threads beside the main thread (default: one less than the cores for 24 files or more when the machine has a core to spare; 0: in one thread)
  --no-cache  check every file again (default: a file whose bytes, settings and govreport version are the same
              as last time keeps last time's outcome; kept in ~/.cache/govreport, or GOVREPORT_CACHE_DIR; also off
              with GOVREPORT_NO_CACHE=1)
  --no-color  plain text output
  -h, --help  this help;  -v, --version  the version
`;

/** The usage text in a language. */
export function helpText(locale: Locale): string {
  return locale === 'en' ? HELP_EN : HELP_ZH;
}

/** A bad command line: what is wrong, in both languages (the language may be what is wrong). */
export class UsageError extends Error {
  readonly en: string;

  /** With one text, the same in both languages. */
  constructor(readonly zh: string, en?: string) {
    super(en ?? zh);
    this.en = en ?? zh;
  }

  text(locale: Locale): string {
    return locale === 'en' ? this.en : this.zh;
  }
}

export interface Args {
  command: string;
  format: string;
  locale: Locale;
  config?: string;
  color: boolean;
  /** check: use the result cache (off with --no-cache). */
  cache: boolean;
  write: boolean;
  /** fix: also apply skeleton fixes. */
  skeletons: boolean;
  /** fix: also apply the suggestions of these codes. */
  suggestions: string[];
  paths: string[];
  /** Worker threads for check beside the main thread (--jobs N); default one less than the cores for a folder. */
  jobs?: number;
  /** Folders or files of last year's reports (--previous), compared with but not checked. */
  previous: string[];
  /** Write the output to this file instead of standard output (--output). */
  output?: string;
  /** A baseline of dismissed findings (--baseline): read when it exists, else written from this run. */
  baseline?: string;
}

export function envLocale(): string | undefined {
  return process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || undefined;
}

/**
 * The language of the run, before the command line is read (its errors speak it too): the last valid
 * --locale, else the environment's (English for an English LANG), else Chinese.
 */
export function argsLocale(argv: readonly string[]): Locale {
  let locale: Locale | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = a.startsWith('--locale=') ? a.slice('--locale='.length) : a === '--locale' ? argv[i + 1] : undefined;
    if (v === 'zh' || v === 'en') locale = v;
  }
  return locale ?? resolveLocale('auto', envLocale());
}

export function parseArgs(argv: string[]): Args | 'help' | 'version' {
  if (argv.length === 0) return 'help';
  const args: Args = {
    command: '', format: 'text', locale: argsLocale(argv), color: !!process.stdout.isTTY && !process.env.NO_COLOR, cache: true,
    write: false, skeletons: false, suggestions: [], paths: [], previous: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (name: string): string => {
      const eq = a.indexOf('=');
      if (eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} 后面缺少取值`, `${name} needs a value`);
      return v;
    };
    if (a === '-h' || a === '--help') return 'help';
    if (a === '-v' || a === '--version') return 'version';
    if (a === '--format' || a.startsWith('--format=')) args.format = value('--format');
    else if (a === '--locale' || a.startsWith('--locale=')) {
      const l = value('--locale');
      if (l !== 'zh' && l !== 'en') throw new UsageError(`--locale 只能是 zh 或 en，不能是“${l}”`, `--locale must be zh or en, not "${l}"`);
      args.locale = l;
    } else if (a === '--config' || a.startsWith('--config=')) args.config = value('--config');
    else if (a === '--jobs' || a.startsWith('--jobs=')) {
      const v = value('--jobs');
      if (!/^\d{1,3}$/.test(v)) throw new UsageError(`--jobs 应为工作线程数（0 表示单线程），不能是“${v}”`, `--jobs must be a number of worker threads (0 checks in one thread), not "${v}"`);
      args.jobs = Number(v);
    } else if (a === '--previous' || a.startsWith('--previous=')) args.previous.push(value('--previous'));
    else if (a === '--output' || a.startsWith('--output=') || a === '-o') args.output = value('--output');
    else if (a === '--baseline' || a.startsWith('--baseline=')) args.baseline = value('--baseline');
    else if (a === '--no-color') args.color = false;
    else if (a === '--no-cache') args.cache = false;
    else if (a === '--write') args.write = true;
    else if (a === '--skeletons') args.skeletons = true;
    else if (a === '--suggestions' || a.startsWith('--suggestions=')) args.suggestions.push(...suggestionCodes(value('--suggestions')));
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`没有 ${a} 这个选项`, `unknown option ${a}`);
    else if (!args.command) args.command = a;
    else args.paths.push(a);
  }
  if (!['check', 'parse', 'fix', 'rules', 'text'].includes(args.command)) {
    throw new UsageError(`没有“${args.command}”这个命令（可用 check、parse、text、fix 或 rules）`, `unknown command "${args.command}" (use check, parse, text, fix or rules)`);
  }
  if (args.command === 'check' && !['text', 'json', 'sarif', 'html', 'csv'].includes(args.format)) {
    throw new UsageError(`--format 只能是 text、json、sarif、html 或 csv，不能是“${args.format}”`, `--format must be text, json, sarif, html or csv, not "${args.format}"`);
  }
  if (args.command === 'parse' && args.format !== 'json' && args.format !== 'text') throw new UsageError('parse 只输出 JSON：--format json', 'parse prints JSON: --format json');
  if (args.command !== 'rules' && args.paths.length === 0) {
    throw new UsageError(`${args.command} 需要至少一个文件或文件夹`, `${args.command} needs at least one file or folder`);
  }
  if (args.command === 'parse' && args.paths.length !== 1) throw new UsageError('parse 只接受一个文件', 'parse takes exactly one file');
  if (args.command === 'text' && args.paths.length !== 1) throw new UsageError('text 只接受一个文件', 'text takes exactly one file');
  if (args.command !== 'fix' && (args.skeletons || args.suggestions.length > 0)) {
    throw new UsageError('--skeletons 和 --suggestions 只用于 fix', '--skeletons and --suggestions go with fix');
  }
  return args;
}

/** The codes of --suggestions: each a check that offers suggestions. */
function suggestionCodes(list: string): string[] {
  const codes = list.split(',').map((c) => c.trim()).filter((c) => c !== '');
  if (codes.length === 0) {
    throw new UsageError('--suggestions 后面要写一个或几个检查代码，例如 --suggestions sum-row-total,sum-balance', '--suggestions needs one or more codes, e.g. --suggestions sum-row-total,sum-balance');
  }
  for (const c of codes) {
    const m = metaOf(c);
    if (!m) throw new UsageError(`--suggestions：没有“${c}”这个检查代码（见 govreport rules）`, `--suggestions: unknown code "${c}" (see govreport rules)`);
    if (!m.fixes.includes('suggestion')) {
      throw new UsageError(`--suggestions：${c} 没有建议数值的修复（它的修复：${m.fixes.join('、') || '无'}）`, `--suggestions: ${c} offers no suggestions (its fixes: ${m.fixes.join(', ') || 'none'})`);
    }
  }
  return codes;
}
