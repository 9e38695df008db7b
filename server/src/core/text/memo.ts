/**
 * A function of a string, remembered: the reader asks the same few thousand labels, headings and titles in
 * every report. Bounded in entries (the memo starts again when full) and in key length (a longer key is
 * computed afresh); a key kept is copied, so that it keeps no report's text alive (a key cut from a report's
 * text would keep all of it, and in the server every edit is a new text). Values are shared: read, never change.
 */
import { ownCopy } from './lines';

export class TextMemo<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly compute: (key: string) => V, private readonly limit: number, private readonly maxKey: number) {}

  get(key: string): V {
    let v = this.map.get(key);
    if (v === undefined) {
      v = this.compute(key);
      if (this.map.size >= this.limit) this.map.clear();
      if (key.length <= this.maxKey) this.map.set(ownCopy(key), v);
    }
    return v;
  }
}
