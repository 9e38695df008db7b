/**
 * dist/cli.js, the `govreport` command: sets how soon V8 optimises (cli/check/tiering.ts, before any code of the
 * checker is compiled, as V8's code cache is made for the flags it was made with), then loads the CLI itself
 * (dist/cli-main.js) through the compile cache (node/compile-cache.ts) and runs it.
 */
import * as path from 'node:path';
import { loadWithCompileCache } from '../node/compile-cache';
import { tuneTiering } from './check/tiering';

tuneTiering();
const cli = loadWithCompileCache(path.join(__dirname, 'cli-main.js')).exports as { main(argv: string[]): Promise<number> };
void cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
