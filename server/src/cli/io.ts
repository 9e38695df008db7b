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

/**
 * Characters that act on a terminal instead of showing: C0 controls (ESC starts colour, title and clipboard
 * sequences; a carriage return overwrites the line), DEL, C1 controls and the bidirectional overrides that
 * reorder what is shown. A report's text and its file name come from anyone; printed, they must only show.
 */
const TERMINAL_CONTROLS = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
const TERMINAL_CONTROLS_BUT_LINES = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a report or a file name, as it may be printed: each terminal control written as an escape
 * (`\x1b`, `\u202e`), so it is seen, not obeyed. A field (`lines: false`) keeps no line break either, so one
 * finding stays one line; tabs stay.
 */
export function printable(text: string, lines = false): string {
  return text.replace(lines ? TERMINAL_CONTROLS_BUT_LINES : TERMINAL_CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

export function out(text: string): void {
  process.stdout.write(text);
}

/** Writes to standard error: what the CLI says there names files and quotes reports, so it is made printable. */
export function err(text: string): void {
  process.stderr.write(printable(text, true));
}
