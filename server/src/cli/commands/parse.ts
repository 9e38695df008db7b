/** `govreport parse`: what the checker read from one report, as JSON. */
import { modelToJson } from '../../core/model-json';
import { readLimit } from '../../core/options';
import { parseLines } from '../../core/parse/index';
import { overLimit } from '../../core/service';
import { splitLines } from '../../core/text/lines';
import { collectFiles, reasonIn } from '../../node/files';
import { readReport } from '../../node/sources';
import type { Args } from '../args';
import { err, out } from '../io';
import { readConfigOption, settingsFor } from '../load';

export async function parse(args: Args): Promise<number> {
  const file = args.paths[0]!;
  const { files, missing } = await collectFiles([file]);
  if (missing.length || files.length === 0) {
    err(`govreport: ${file}: ${missing[0] ? reasonIn(missing[0].message, args.locale) : args.locale === 'en' ? 'no report file there' : '这里没有报告文件'}\n`);
    return 2;
  }
  const override = await readConfigOption(args.config);
  try {
    const { settings } = settingsFor(files[0]!, override);
    // The same limits as check: a stat refuses a file too large before it is read, the text's length after.
    const { text, encoding, view } = await readReport(files[0]!, readLimit(settings.maxFileSize));
    if (overLimit(text, settings.maxFileSize)) {
      err(args.locale === 'en'
        ? `govreport: ${file}: too large to read (${text.length} characters; the limit is maxFileSize, ${settings.maxFileSize} characters and a twentieth as many lines)\n`
        : `govreport: ${file}：文件过大，未读取（${text.length} 字符；上限为设置 maxFileSize ${settings.maxFileSize} 字符，行数为其二十分之一）\n`);
      return 2;
    }
    const model = parseLines(text, splitLines(text), undefined, view?.grids);
    const source = view ? { source: { kind: view.kind, tables: view.grids.length, ...(view.pages ? { pages: view.pages } : {}), problems: view.problems } } : {};
    out(JSON.stringify({ path: files[0], ...(encoding ? { encoding } : {}), ...source, ...modelToJson(model, args.locale) }, null, 2) + '\n');
    return 0;
  } catch (e) {
    err(`govreport: ${file}: ${reasonIn((e as Error).message, args.locale)}\n`);
    return 2;
  }
}
