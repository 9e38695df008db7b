/**
 * A function of a string, remembered: the reader asks the same few thousand labels, headings and titles in
 * every report. Bounded in entries (the memo starts again when full) and in key length (a longer key is
 * computed afresh); a key kept is copied, and its value is computed from the copy, so that neither keeps a report's
 * text alive (a key cut from a report's text would keep all of it, and so would a value holding a piece of that
 * key, such as a label's key that is the label itself; in the server every edit is a new text). Values are
 * shared: read, never change.
 */
import { ownCopy } from './lines';

export class TextMemo<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly compute: (key: string) => V, private readonly limit: number, private readonly maxKey: number) {}

  get(key: string): V {
    let v = this.map.get(key);
    if (v === undefined) {
      if (key.length > this.maxKey) return this.compute(key);
      const own = ownCopy(key);
      v = this.compute(own);
      if (this.map.size >= this.limit) this.map.clear();
      this.map.set(own, v);
    }
    return v;
  }
}
