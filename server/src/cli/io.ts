/**
 * Output of the CLI. A reader that stops early (`govreport rules | head`) closes the pipe: that ends the run
 * quietly with the status so far, never with a stack trace.
 */
let installed = false;

/** Exits quietly when standard output or standard error is closed by its reader. */
export function quietOnClosedPipe(): void {
  if (installed) return;
  installed = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
}

export function out(text: string): void {
  process.stdout.write(text);
}

export function err(text: string): void {
  process.stderr.write(text);
}
