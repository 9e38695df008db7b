/** `govreport text`: the text a report was read as — for an original, the text view findings refer to. */
import { collectFiles } from '../../node/files';
import { readReport } from '../../node/sources';
import type { Args } from '../args';
import { err, out } from '../io';
import { describeProblem } from '../text';

export async function text(args: Args): Promise<number> {
  const file = args.paths[0]!;
  const { files, missing } = await collectFiles([file]);
  if (missing.length || files.length === 0) {
    err(`govreport: ${file}: ${missing[0]?.message ?? 'no report file there'}\n`);
    return 2;
  }
  try {
    const r = await readReport(files[0]!);
    out(r.text.endsWith('\n') || r.text === '' ? r.text : `${r.text}\n`);
    for (const p of r.view?.problems ?? []) err(`govreport: ${files[0]}: ${describeProblem(p, args.locale)}\n`);
    return r.view?.problems.length && !r.text ? 2 : 0;
  } catch (e) {
    err(`govreport: ${file}: ${(e as Error).message}\n`);
    return 2;
  }
}
