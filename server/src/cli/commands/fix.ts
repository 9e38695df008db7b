/**
 * `govreport fix`: applies the safe fixes of each report (form only), or more when asked (--skeletons,
 * --suggestions CODE,...); prints the result, or writes it back with --write. On stderr it says what it changed
 * (per code) and what it left for a person: the skeletons and suggestions not applied, with their lines.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { FIX_KIND_NAMES, type Finding, type Fix, type Locale } from '../../core/checks/types';
import { checkOptions, readLimit } from '../../core/options';
import { type FixChoice, type FixResult, fixesOf, fixText, overLimit } from '../../core/service';
import { collectFiles, readReportFile, reasonIn } from '../../node/files';
import { sourceKind } from '../../node/sources';
import type { Args } from '../args';
import { err, out } from '../io';
import { readConfigOption, settingsFor } from '../load';

/** Findings left for a person listed per code; the rest of that code are counted (a table of blanks is many). */
const LISTED_PER_CODE = 5;

/** The fix of a finding left for a person: its first skeleton or suggestion. */
function leftFix(f: Finding): Fix | undefined {
  return fixesOf(f).find((x) => x.kind !== 'safe');
}

/** The option that would apply a fix of this kind. */
function optionFor(fix: Fix, code: string): string {
  return fix.kind === 'skeleton' ? '--skeletons' : `--suggestions ${code}`;
}

/** What fix did to one file and what it left, as lines for stderr. */
export function fixReport(file: string, r: FixResult, locale: Locale): string {
  const zh = locale !== 'en';
  const lines: string[] = [];
  const fixed = Object.entries(r.applied);
  const total = fixed.reduce((n, [, k]) => n + k, 0);
  if (total === 0) lines.push(zh ? `govreport: ${file}：没有可自动修复的问题` : `govreport: ${file}: nothing to fix automatically`);
  else {
    const list = fixed.map(([code, k]) => `${code} ${k}`).join(zh ? '、' : ', ');
    lines.push(zh ? `govreport: ${file}：已修复 ${total} 处（${list}）` : `govreport: ${file}: fixed ${total} (${list})`);
  }
  const left = r.findings.map((f) => ({ f, fix: leftFix(f) })).filter((x) => x.fix !== undefined);
  if (left.length > 0) {
    lines.push(zh ? `govreport: ${file}：留待人工决定 ${left.length} 处（未应用）：` : `govreport: ${file}: left for a person to decide, ${left.length} (not applied):`);
    const shown = new Map<string, number>();
    for (const { f, fix } of left) {
      const n = (shown.get(f.code) ?? 0) + 1;
      shown.set(f.code, n);
      if (n > LISTED_PER_CODE) continue;
      const kind = zh ? FIX_KIND_NAMES[fix!.kind].zh : FIX_KIND_NAMES[fix!.kind].en;
      lines.push(`  ${file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.code} ${kind}${zh ? '：' : ': '}${fix!.title} [${optionFor(fix!, f.code)}]`);
    }
    for (const [code, n] of shown) {
      if (n > LISTED_PER_CODE) lines.push(zh ? `  ……另有 ${n - LISTED_PER_CODE} 处 ${code}` : `  … and ${n - LISTED_PER_CODE} more ${code}`);
    }
  }
  const count = (sev: Finding['severity']) => r.findings.filter((f) => f.severity === sev).length;
  const errors = count('error');
  const warnings = count('warning');
  const notes = r.findings.length - errors - warnings;
  if (r.findings.length > 0) {
    lines.push(zh
      ? `govreport: ${file}：修复后仍有 ${errors} 个错误、${warnings} 个警告、${notes} 个提示（用 govreport check 查看）`
      : `govreport: ${file}: still ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${notes} note${notes === 1 ? '' : 's'} (see govreport check)`);
  }
  return lines.join('\n') + '\n';
}

export async function fix(args: Args): Promise<number> {
  let status = 0;
  const override = await readConfigOption(args.config);
  const { files, missing } = await collectFiles(args.paths);
  for (const m of missing) {
    err(`govreport: ${m.path}: ${reasonIn(m.message, args.locale)}\n`);
    status = 2;
  }
  const named = new Set(args.paths.map((p) => path.resolve(p)));
  const choice: FixChoice = { skeletons: args.skeletons, suggestions: args.suggestions };
  for (const file of files) {
    try {
      const { settings } = settingsFor(file, override);
      if (sourceKind(file)) {
        err(args.locale === 'en'
          ? `govreport: ${file}: not fixed (an original is not rewritten; save it as text with "govreport text" first)\n`
          : `govreport: ${file}：未修复（原件（.docx、.pdf、.html 等）不改写；请先用 govreport text 另存为文本再修复）\n`);
        // Named on the command line, it is a request that could not be met; met in a folder, it is passed over.
        if (named.has(path.resolve(file))) status = 2;
        continue;
      }
      // A stat refuses a file too large before it is read; a text over maxFileSize is not checked, so not fixed.
      const { text, encoding } = await readReportFile(file, readLimit(settings.maxFileSize));
      if (overLimit(text, settings.maxFileSize)) {
        err(args.locale === 'en'
          ? `govreport: ${file}: not fixed (${text.length} characters, over the limit maxFileSize, ${settings.maxFileSize} characters and a twentieth as many lines)\n`
          : `govreport: ${file}：文件过大，未修复（${text.length} 字符；上限为设置 maxFileSize ${settings.maxFileSize} 字符，行数为其二十分之一）\n`);
        status = 2;
        continue;
      }
      const r = fixText(text, checkOptions(settings, { locale: args.locale }), choice);
      if (args.write) {
        if (r.text !== text) {
          if (encoding !== 'utf-8' && encoding !== 'utf-8-bom') {
            err(args.locale === 'en'
              ? `govreport: ${file}: not written (it is ${encoding}; only UTF-8 files are rewritten)\n`
              : `govreport: ${file}：未写入（文件编码为 ${encoding}，只改写 UTF-8 文件）\n`);
            status = 2;
            continue;
          }
          await fs.writeFile(file, (encoding === 'utf-8-bom' ? '\uFEFF' : '') + r.text, 'utf8');
        }
      } else out(r.text);
      err(fixReport(file, r, args.locale));
    } catch (e) {
      err(`govreport: ${file}: ${reasonIn((e as Error).message, args.locale)}\n`);
      status = 2;
    }
  }
  return status;
}
