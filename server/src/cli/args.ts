/** The CLI's command line: usage text, options, and the errors a bad command line gets. */
import type { Locale } from '../core/checks/types';
import { resolveLocale } from '../core/settings';

export const HELP = `govreport — 政府信息公开工作年度报告检查器 (checker for government information disclosure annual reports)

Usage:
  govreport check [--format text|json|sarif] [--locale zh|en] [--config FILE] PATH...
      Check report files and folders (folders are searched for .txt, .md, .docx, .pdf and .html files).
      Exit status: 0 no errors, 1 a report has errors, 2 bad usage or an unreadable file.
  govreport parse --format json [--locale zh|en] FILE
      Print what the checker read: sections, tables (columns, rows, values; a table not read with
      confidence says why), prose numbers.
  govreport text FILE
      Print the text a report was read as: for a .docx, .pdf or .html, the text view the line numbers of
      findings refer to (each table row one line, cells tab-separated).
  govreport fix [--write] [--locale zh|en] FILE...
      Apply every quick fix; print the result, or with --write save it in place.
  govreport rules [--locale zh|en]
      List the check codes with their default severity.

Options:
  --format    text (default), json, or sarif (SARIF 2.1.0 for code-scanning tools)
  --locale    message language; default from LC_ALL / LC_MESSAGES / LANG (English when en*), else Chinese
  --config    a govreport.json to use instead of the one found upward from each report
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
  paths: string[];
}

export function envLocale(): string | undefined {
  return process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || undefined;
}

export function parseArgs(argv: string[]): Args | 'help' | 'version' {
  if (argv.length === 0) return 'help';
  const args: Args = {
    command: '', format: 'text', locale: resolveLocale('auto', envLocale()), color: !!process.stdout.isTTY && !process.env.NO_COLOR,
    write: false, paths: [],
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
    else if (a === '--no-color') args.color = false;
    else if (a === '--write') args.write = true;
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else if (!args.command) args.command = a;
    else args.paths.push(a);
  }
  if (!['check', 'parse', 'fix', 'rules', 'text'].includes(args.command)) throw new UsageError(`unknown command "${args.command}" (use check, parse, text, fix or rules)`);
  if (args.command === 'check' && !['text', 'json', 'sarif'].includes(args.format)) throw new UsageError(`--format must be text, json or sarif, not "${args.format}"`);
  if (args.command === 'parse' && args.format !== 'json' && args.format !== 'text') throw new UsageError('parse prints JSON: --format json');
  if (args.command !== 'rules' && args.paths.length === 0) throw new UsageError(`${args.command} needs at least one file or folder`);
  if (args.command === 'parse' && args.paths.length !== 1) throw new UsageError('parse takes exactly one file');
  if (args.command === 'text' && args.paths.length !== 1) throw new UsageError('text takes exactly one file');
  return args;
}
