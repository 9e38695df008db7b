/**
 * The progress line on standard error: shown only on a terminal, only once a run has taken longer than a
 * second, redrawn at most a few times a second, and erased at the end so the output stays clean.
 */
import type { Locale } from '../../core/checks/types';

/** A run shorter than this shows no progress at all. */
export const PROGRESS_AFTER_MS = 1000;
/** The line is redrawn at most this often. */
const REDRAW_MS = 100;

export interface Progress {
  update(done: number, total: number): void;
  end(): void;
}

export function progressLine(stream: NodeJS.WriteStream, locale: Locale, now = () => performance.now()): Progress {
  const quiet: Progress = { update() {}, end() {} };
  if (!stream.isTTY) return quiet;
  const t0 = now();
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const t = now();
      if (t - t0 < PROGRESS_AFTER_MS || (t - last < REDRAW_MS && done < total)) return;
      last = t;
      shown = true;
      const pct = total ? Math.floor((100 * done) / total) : 100;
      const text = locale === 'en' ? `checked ${done} of ${total} files (${pct}%)` : `已检查 ${done} / ${total} 个文件（${pct}%）`;
      stream.write(`\r\x1b[2K${text}`);
    },
    end() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
