/**
 * govreport: the command-line checker for reviewers. A thin layer over the core: the command line is read in
 * args.ts, each command is a module of commands/.
 *
 *   govreport check [--format text|json|sarif] [--locale zh|en] PATH...
 *   govreport parse --format json FILE
 *   govreport text FILE
 *   govreport fix [--write] FILE...
 *   govreport rules [--locale zh|en]
 */
import { argsLocale, helpText, parseArgs, UsageError } from './args';
import { check } from './commands/check';
import { fix } from './commands/fix';
import { parse } from './commands/parse';
import { rules } from './commands/rules';
import { text } from './commands/text';
import { err, out, quietOnClosedPipe } from './io';

declare const GOVREPORT_VERSION: string | undefined;
const VERSION = typeof GOVREPORT_VERSION === 'string' ? GOVREPORT_VERSION : '0.0.0-dev';

export async function main(argv: string[]): Promise<number> {
  quietOnClosedPipe();
  const locale = argsLocale(argv);
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`govreport: ${e.text(locale)}\n${locale === 'en' ? 'Run "govreport --help" for usage.' : '用法见 govreport --help'}\n`);
      return 2;
    }
    throw e;
  }
  if (args === 'help') {
    out(helpText(locale));
    return 0;
  }
  if (args === 'version') {
    out(`${VERSION}\n`);
    return 0;
  }
  try {
    switch (args.command) {
      case 'check': return await check(args, VERSION);
      case 'parse': return await parse(args);
      case 'fix': return await fix(args);
      case 'text': return await text(args);
      default: return rules(args);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      err(`govreport: ${e.text(args.locale)}\n`);
      return 2;
    }
    err(`govreport: ${args.locale === 'en' ? 'internal error' : '内部错误'}: ${(e as Error).stack ?? e}\n`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
