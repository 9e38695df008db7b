/** `govreport parse`: what the checker read from one report, as JSON. */
import { modelToJson } from '../../core/model-json';
import { parseLines } from '../../core/parse/index';
import { splitLines } from '../../core/text/lines';
import type { Args } from '../args';
import { out } from '../io';
import { readOneReport } from '../load';

export async function parse(args: Args): Promise<number> {
  const r = await readOneReport(args);
  if (!r) return 2;
  const { file, text, encoding, view } = r;
  const model = parseLines(text, splitLines(text), undefined, view?.grids);
  const source = view ? { source: { kind: view.kind, tables: view.grids.length, ...(view.pages ? { pages: view.pages } : {}), problems: view.problems } } : {};
  out(JSON.stringify({ path: file, ...(encoding ? { encoding } : {}), ...source, ...modelToJson(model, args.locale) }, null, 2) + '\n');
  return 0;
}
