/** `govreport fix`: applies the fixes a report's findings offer; prints the result or writes it back. */
import { promises as fs } from 'node:fs';
import { checkOptions, readLimit } from '../../core/options';
import { fixAll, overLimit } from '../../core/service';
import { collectFiles, readReportFile } from '../../node/files';
import { sourceKind } from '../../node/sources';
import type { Args } from '../args';
import { err, out } from '../io';
import { readConfigOption, settingsFor } from '../load';

export async function fix(args: Args): Promise<number> {
  let status = 0;
  const override = await readConfigOption(args.config);
  const { files, missing } = await collectFiles(args.paths);
  for (const m of missing) {
    err(`govreport: ${m.path}: ${m.message}\n`);
    status = 2;
  }
  for (const file of files) {
    try {
      const { settings } = settingsFor(file, override);
      if (sourceKind(file)) {
        err(`govreport: ${file}: not fixed (an original is not rewritten; save it as text with "govreport text" first)\n`);
        continue;
      }
      // A stat refuses a file too large before it is read; a text over maxFileSize is not checked, so not fixed.
      const { text, encoding } = await readReportFile(file, readLimit(settings));
      if (overLimit(text, settings.maxFileSize)) {
        err(`govreport: ${file}: not fixed (${text.length} characters, over the limit maxFileSize, ${settings.maxFileSize} characters and a twentieth as many lines)\n`);
        status = 2;
        continue;
      }
      const fixed = fixAll(text, checkOptions(settings, { locale: args.locale }));
      if (args.write) {
        if (fixed !== text) {
          if (encoding !== 'utf-8' && encoding !== 'utf-8-bom') {
            err(`govreport: ${file}: not written (it is ${encoding}; only UTF-8 files are rewritten)\n`);
            status = 2;
            continue;
          }
          await fs.writeFile(file, (encoding === 'utf-8-bom' ? '\uFEFF' : '') + fixed, 'utf8');
          err(`govreport: fixed ${file}\n`);
        }
      } else out(fixed);
    } catch (e) {
      err(`govreport: ${file}: ${(e as Error).message}\n`);
      status = 2;
    }
  }
  return status;
}
