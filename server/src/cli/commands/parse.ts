/** `govreport parse`: what the checker read from one report, as JSON. */
import { modelToJson } from '../../core/model-json';
import { parseReport } from '../../core/parse/index';
import { collectFiles, readReportFile } from '../../node/files';
import type { Args } from '../args';
import { err, out } from '../io';

export async function parse(args: Args): Promise<number> {
  const file = args.paths[0]!;
  const { files, missing } = await collectFiles([file]);
  if (missing.length || files.length === 0) {
    err(`govreport: ${file}: ${missing[0]?.message ?? 'no report file there'}\n`);
    return 2;
  }
  try {
    const { text, encoding } = await readReportFile(files[0]!);
    const model = parseReport(text);
    out(JSON.stringify({ path: files[0], encoding, ...modelToJson(model, args.locale) }, null, 2) + '\n');
    return 0;
  } catch (e) {
    err(`govreport: ${file}: ${(e as Error).message}\n`);
    return 2;
  }
}
