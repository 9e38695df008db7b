// Runs an extension test module (extensionTestsPath, the @vscode/test-electron contract) inside the real VS Code
// extension host of VS Code's server (code-server route): the server runs with --enable-smoke-test-driver, the
// web workbench is opened with ?payload=[["extensionDevelopmentPath",…],["extensionTestsPath",…]], and the
// workbench hands the test output to window.codeAutomationLog and the result to window.codeAutomationExit.
import { launch, workbenchUrl } from '../browser.mjs';

/** Resolves the exit code of the test run (0 = passed), or 'timeout'. `onLine` gets every logged line. */
export async function runExtensionTests({ url, folder, devPath, testsPath, timeoutMs = 600000, onLine = console.log }) {
  const authority = new URL(url).host;
  const payload = [['extensionDevelopmentPath', `vscode-remote://${authority}${devPath}`],
    ['extensionTestsPath', `vscode-remote://${authority}${testsPath}`]];
  const { ctx, page } = await launch();
  try {
    let done;
    const exited = new Promise((r) => (done = r));
    const print = (args) => {
      const text = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      for (const line of text.split('\n')) onLine(line);
    };
    await page.exposeFunction('codeAutomationLog', (_level, args) => print(args));
    await page.exposeFunction('codeAutomationExit', (code) => done(code));
    page.on('pageerror', (e) => onLine(`[page error] ${e.message.slice(0, 300)}`));
    await page.goto(workbenchUrl(url, folder, payload));
    let timer;
    const code = await Promise.race([exited, new Promise((r) => { timer = setTimeout(() => r('timeout'), timeoutMs); })]);
    clearTimeout(timer);
    return code;
  } finally {
    await ctx.close().catch(() => {});
  }
}
