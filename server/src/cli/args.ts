/** The CLI's command line: usage text, options, and the errors a bad command line gets. */
import { metaOf } from '../core/checks/registry';
import type { Locale } from '../core/checks/types';
import { resolveLocale } from '../core/settings';

export const HELP = `govreport — 政府信息公开工作年度报告检查器 (checker for government information disclosure annual reports)

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
  --locale    message language; default from LC_ALL / LC_MESSAGES / LANG (English when en*), else Chinese
  --config    a govreport.json to use instead of the one found upward from each report
  --previous DIR  last year's reports, to compare with (R9, R10, text-copied); not checked themselves
  --jobs N    check with N worker threads (default: one per core for 24 files or more; 0: in one thread)
  --no-color  plain text output
  -h, --help  this help;  -v, --version  the version
`;

export class UsageError extends Error {}

export interface Args {
  command: string;
  format: string;
  locale: Locale;
  config?: string;
  color: boolean;
  write: boolean;
  /** fix: also apply skeleton fixes. */
  skeletons: boolean;
  /** fix: also apply the suggestions of these codes. */
  suggestions: string[];
  paths: string[];
  /** Worker threads for check (--jobs N); default one per core for a folder. */
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

export function parseArgs(argv: string[]): Args | 'help' | 'version' {
  if (argv.length === 0) return 'help';
  const args: Args = {
    command: '', format: 'text', locale: resolveLocale('auto', envLocale()), color: !!process.stdout.isTTY && !process.env.NO_COLOR,
    write: false, skeletons: false, suggestions: [], paths: [], previous: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (name: string): string => {
      const eq = a.indexOf('=');
      if (eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (a === '-h' || a === '--help') return 'help';
    if (a === '-v' || a === '--version') return 'version';
    if (a === '--format' || a.startsWith('--format=')) args.format = value('--format');
    else if (a === '--locale' || a.startsWith('--locale=')) {
      const l = value('--locale');
      if (l !== 'zh' && l !== 'en') throw new UsageError(`--locale must be zh or en, not "${l}"`);
      args.locale = l;
    } else if (a === '--config' || a.startsWith('--config=')) args.config = value('--config');
    else if (a === '--jobs' || a.startsWith('--jobs=')) {
      const v = value('--jobs');
      if (!/^\d{1,3}$/.test(v)) throw new UsageError(`--jobs must be a number of worker threads (0 checks in one thread), not "${v}"`);
      args.jobs = Number(v);
    } else if (a === '--previous' || a.startsWith('--previous=')) args.previous.push(value('--previous'));
    else if (a === '--output' || a.startsWith('--output=') || a === '-o') args.output = value('--output');
    else if (a === '--baseline' || a.startsWith('--baseline=')) args.baseline = value('--baseline');
    else if (a === '--no-color') args.color = false;
    else if (a === '--write') args.write = true;
    else if (a === '--skeletons') args.skeletons = true;
    else if (a === '--suggestions' || a.startsWith('--suggestions=')) args.suggestions.push(...suggestionCodes(value('--suggestions')));
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else if (!args.command) args.command = a;
    else args.paths.push(a);
  }
  if (!['check', 'parse', 'fix', 'rules', 'text'].includes(args.command)) throw new UsageError(`unknown command "${args.command}" (use check, parse, text, fix or rules)`);
  if (args.command === 'check' && !['text', 'json', 'sarif', 'html', 'csv'].includes(args.format)) throw new UsageError(`--format must be text, json, sarif, html or csv, not "${args.format}"`);
  if (args.command === 'parse' && args.format !== 'json' && args.format !== 'text') throw new UsageError('parse prints JSON: --format json');
  if (args.command !== 'rules' && args.paths.length === 0) throw new UsageError(`${args.command} needs at least one file or folder`);
  if (args.command === 'parse' && args.paths.length !== 1) throw new UsageError('parse takes exactly one file');
  if (args.command === 'text' && args.paths.length !== 1) throw new UsageError('text takes exactly one file');
  if (args.command !== 'fix' && (args.skeletons || args.suggestions.length > 0)) throw new UsageError('--skeletons and --suggestions go with fix');
  return args;
}

/** The codes of --suggestions: each a check that offers suggestions. */
function suggestionCodes(list: string): string[] {
  const codes = list.split(',').map((c) => c.trim()).filter((c) => c !== '');
  if (codes.length === 0) throw new UsageError('--suggestions needs one or more codes, e.g. --suggestions sum-row-total,sum-balance');
  for (const c of codes) {
    const m = metaOf(c);
    if (!m) throw new UsageError(`--suggestions: unknown code "${c}" (see govreport rules)`);
    if (!m.fixes.includes('suggestion')) throw new UsageError(`--suggestions: ${c} offers no suggestions (its fixes: ${m.fixes.join(', ') || 'none'})`);
  }
  return codes;
}
