/**
 * What `govreport check` found in a report, kept for the next run: a file whose bytes, settings and checker are
 * the same as last time is not read into a model and checked again, its outcome is taken from here (the idea
 * of ESLint's and Prettier's --cache). A reviewer runs a folder again and again — after dismissing findings,
 * after a clerk sends a corrected file — and most of its reports have not changed.
 *
 * What it never does: give an outcome for other bytes, other settings or other code. An entry's key is a
 * hash of the file's bytes with its kind and the check options (cli/check/cached.ts), and the whole store is
 * named after the checker's build, so a new version starts empty (and removes the old store). Any trouble —
 * no folder, a full disk, a damaged or foreign file in its place — leaves the run checking as without it.
 *
 * One file per build in the user's cache folder: `results-<build>.bin`, a small index (each entry's key, length
 * and hash) and the entries' bytes after it, so that a run decodes only the entries it uses, and an entry
 * damaged on disk is refused, never read as an outcome. Bounded: the entries
 * of the latest run come first, older ones follow while the store is under MAX_STORE_BYTES and MAX_ENTRIES.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { readCacheFile, writeCacheFile } from './compile-cache';

/** The store's first bytes, and its format's version (a store of another format is not read). */
const MAGIC = Buffer.from('GOVREPORT-RESULTS-1\n', 'latin1');
/** The store is at most this large (a text report's entry is 5–15 KB, an original's 40–90 KB: thousands of reports fit, and a run reads it in a few tens of milliseconds). */
export const MAX_STORE_BYTES = 64 * 1024 * 1024;
/** Entries kept at most, the latest run's first. */
export const MAX_ENTRIES = 50_000;
/** An index longer than this is not one (an entry's line is under 150 bytes). */
const MAX_INDEX_BYTES = 8 * 1024 * 1024;

/** The store's bounds (tests give smaller ones). */
export interface StoreLimits {
  maxBytes: number;
  maxEntries: number;
}

interface Slot {
  offset: number;
  length: number;
  /** The entry's hash: bytes damaged on disk are never taken for an outcome. */
  hash: string;
}

function hashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url').slice(0, 22);
}

export class ResultStore {
  /** Entries read from the file, by key: where their bytes are in `data`. */
  private readonly slots = new Map<string, Slot>();
  /** Entries used or made by this run, in that order: they are kept first. */
  private readonly used = new Map<string, Uint8Array>();
  private added = 0;

  private constructor(
    readonly dir: string,
    readonly file: string,
    private readonly data: Buffer | undefined,
    private readonly limits: StoreLimits,
  ) {}

  /** The store of a build in `dir` (empty when there is none, or it cannot be read). */
  static open(dir: string, build: string, limits: StoreLimits = { maxBytes: MAX_STORE_BYTES, maxEntries: MAX_ENTRIES }): ResultStore {
    const file = path.join(dir, `results-${build}.bin`);
    const data = readCacheFile(file, limits.maxBytes);
    const store = new ResultStore(dir, file, data, limits);
    if (data) store.index(data);
    return store;
  }

  /** Reads the index; a file that is not a store, or is damaged anywhere in its index, counts as empty. */
  private index(data: Buffer): void {
    try {
      if (data.length < MAGIC.length + 4 || !data.subarray(0, MAGIC.length).equals(MAGIC)) return;
      const indexBytes = data.readUInt32LE(MAGIC.length);
      const start = MAGIC.length + 4;
      if (indexBytes > MAX_INDEX_BYTES || start + indexBytes > data.length) return;
      const entries: unknown = JSON.parse(data.toString('utf8', start, start + indexBytes));
      if (!Array.isArray(entries)) return;
      let offset = start + indexBytes;
      const slots = new Map<string, Slot>();
      for (const e of entries) {
        if (!Array.isArray(e) || typeof e[0] !== 'string' || !Number.isSafeInteger(e[1]) || e[1] < 0 || typeof e[2] !== 'string') return;
        if (offset + e[1] > data.length) return;
        slots.set(e[0], { offset, length: e[1], hash: e[2] });
        offset += e[1];
      }
      if (offset !== data.length) return;
      for (const [k, v] of slots) this.slots.set(k, v);
    } catch {
      // Not a store of ours: empty.
    }
  }

  /** Entries the store held when opened. */
  get size(): number {
    return this.slots.size;
  }

  /** The keys of the entries the store held when opened. */
  keys(): IterableIterator<string> {
    return this.slots.keys();
  }

  /** An entry's bytes, if the store has it intact (it is then kept by this run's save). */
  get(key: string): Uint8Array | undefined {
    const made = this.used.get(key);
    if (made) return made;
    const slot = this.slots.get(key);
    if (!slot || !this.data) return undefined;
    const bytes = this.data.subarray(slot.offset, slot.offset + slot.length);
    if (hashOf(bytes) !== slot.hash) {
      this.slots.delete(key);
      return undefined;
    }
    this.used.set(key, bytes);
    return bytes;
  }

  /** Adds (or replaces) an entry. */
  set(key: string, bytes: Uint8Array): void {
    this.used.delete(key);
    this.slots.delete(key);
    this.used.set(key, bytes);
    this.added++;
  }

  /**
   * Writes the store when this run added to it: this run's entries first, then the older ones while within
   * the bounds. Stores of other builds in the folder are removed. False when nothing was written.
   */
  save(): boolean {
    if (this.added === 0) return false;
    const keys: string[] = [];
    const parts: Uint8Array[] = [];
    const hashes: string[] = [];
    let bytes = 0;
    // The index is counted in: a key and its length take under key.length + 16 bytes of it.
    const room = this.limits.maxBytes - MAGIC.length - 4;
    const take = (key: string, b: Uint8Array, hash: string): boolean => {
      if (keys.length >= this.limits.maxEntries || bytes + b.length + key.length + 48 > room) return false;
      keys.push(key);
      parts.push(b);
      hashes.push(hash);
      bytes += b.length + key.length + 48;
      return true;
    };
    for (const [k, b] of this.used) if (!take(k, b, this.slots.get(k)?.hash ?? hashOf(b))) break;
    if (this.data) {
      for (const [k, s] of this.slots) {
        if (this.used.has(k)) continue;
        if (!take(k, this.data.subarray(s.offset, s.offset + s.length), s.hash)) break;
      }
    }
    const index = Buffer.from(JSON.stringify(keys.map((k, i) => [k, parts[i]!.length, hashes[i]])), 'utf8');
    if (index.length > MAX_INDEX_BYTES) return false;
    const head = Buffer.alloc(MAGIC.length + 4);
    MAGIC.copy(head);
    head.writeUInt32LE(index.length, MAGIC.length);
    const name = path.basename(this.file);
    return writeCacheFile(this.dir, this.file, Buffer.concat([head, index, ...parts]), (f) => /^results-.*\.bin$/.test(f) && f !== name);
  }
}
