/** `govreport parse`: what the checker read from one report, as JSON. */
import { modelToJson } from '../../core/model-json';
import { parseLines } from '../../core/parse/index';
import { splitLines } from '../../core/text/lines';
import { collectFiles } from '../../node/files';
import { readReport } from '../../node/sources';
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
    const { text, encoding, view } = await readReport(files[0]!);
    const model = parseLines(text, splitLines(text), undefined, view?.grids);
    const source = view ? { source: { kind: view.kind, tables: view.grids.length, ...(view.pages ? { pages: view.pages } : {}), problems: view.problems } } : {};
    out(JSON.stringify({ path: files[0], ...(encoding ? { encoding } : {}), ...source, ...modelToJson(model, args.locale) }, null, 2) + '\n');
    return 0;
  } catch (e) {
    err(`govreport: ${file}: ${(e as Error).message}\n`);
    return 2;
  }
}
