/** `govreport text`: the text a report was read as — for an original, the text view findings refer to. */
import type { Args } from '../args';
import { err, out } from '../io';
import { readOneReport } from '../load';
import { describeProblem } from '../text';

export async function text(args: Args): Promise<number> {
  const r = await readOneReport(args);
  if (!r) return 2;
  out(r.text.endsWith('\n') || r.text === '' ? r.text : `${r.text}\n`);
  for (const p of r.view?.problems ?? []) err(`govreport: ${r.file}: ${describeProblem(p, args.locale)}\n`);
  return r.view?.problems.length && !r.text ? 2 : 0;
}
