/**
 * How a document's checks keep pace with its edits. One edit between two checks (typing, even fast typing
 * that waits for each result) is checked at once. Many edits since the last check began mean a burst (a macro,
 * a paste split into keystrokes, a client replaying changes): then the next check waits a moment, as long as
 * the last one took (at most QUIET_MS: the last edit of a burst is checked that soon after it, however long
 * the document takes to check), so the edits still coming supersede it rather than queue behind it — but
 * never past MAX_WAIT_MS after the last check, so a burst without end still shows results.
 */

/** Edits since the last check began above which the document is in a burst. */
const BURST_EDITS = 1;
/** The least a check in a burst waits. */
const MIN_WAIT_MS = 5;
/**
 * The most a check in a burst waits for the next edit, however long the last check took: a pause this long
 * means the client stopped (so the last edit of a burst is checked this soon after it, not a whole check later).
 */
const QUIET_MS = 40;
/** A check in a burst never waits longer after the last check ended than this. */
const MAX_WAIT_MS = 500;

interface Pace {
  /** Edits since the last check began. */
  edits: number;
  /** When the last check ended, and how long it took. */
  endedAt: number;
  took: number;
}

export class BurstPace {
  private readonly docs = new Map<string, Pace>();

  edited(uri: string): void {
    const p = this.docs.get(uri);
    if (p) p.edits++;
    else this.docs.set(uri, { edits: 1, endedAt: 0, took: 0 });
  }

  /** How long to wait before checking the document now: 0 to check at once. */
  wait(uri: string, now = Date.now()): number {
    const p = this.docs.get(uri);
    if (!p || p.edits <= BURST_EDITS || now - p.endedAt >= MAX_WAIT_MS) return 0;
    return Math.min(Math.max(MIN_WAIT_MS, p.took), QUIET_MS, MAX_WAIT_MS - (now - p.endedAt));
  }

  /** A check begins; call what it returns when it ends. */
  started(uri: string, began = Date.now()): (ended?: number) => void {
    const p = this.docs.get(uri) ?? { edits: 0, endedAt: 0, took: 0 };
    p.edits = 0;
    this.docs.set(uri, p);
    return (ended = Date.now()) => {
      p.endedAt = ended;
      p.took = ended - began;
    };
  }

  forget(uri: string): void {
    this.docs.delete(uri);
  }
}
