/**
 * Telling encodings apart without a byte-order mark, by what the decoded text looks like: UTF-16 (little or
 * big endian) from binary data, and Big5 from GB18030 (the same bytes are valid in both; only the characters
 * they make tell which one the writer meant).
 */

/** How much of a file is looked at to decide. */
const PROBE_BYTES = 64 * 1024;
/** Share of UTF-16 code units that must be ordinary text characters for bytes to be read as UTF-16. */
const UTF16_PLAUSIBLE = 0.9;
/** Ideographs needed before a Big5 decision is trusted. */
const MIN_IDEOGRAPHS = 20;
/** Share of a decoding's ideographs that must be common characters for it to be what the writer meant. */
const COMMON_SHARE = 0.3;
/** How much more common the Big5 reading's characters must be than the GB18030 reading's. */
const BIG5_MARGIN = 2;

/** Whether a UTF-16 code unit is a character ordinary text (a report, Chinese or not) is made of. */
function plausibleUnit(u: number): boolean {
  return u === 0x09 || u === 0x0a || u === 0x0d
    || (u >= 0x20 && u <= 0x7e)
    || (u >= 0xa0 && u <= 0x24f) // Latin-1, Latin extended
    || (u >= 0x2000 && u <= 0x206f) // general punctuation
    || (u >= 0x2460 && u <= 0x257f) // circled numbers, box drawing
    || (u >= 0x3000 && u <= 0x30ff) // CJK punctuation, kana
    || (u >= 0x3400 && u <= 0x4dbf) // CJK extension A
    || (u >= 0x4e00 && u <= 0x9fff) // CJK unified ideographs
    || (u >= 0xff00 && u <= 0xffef) // full-width forms
    || u === 0xfeff;
}

function utf16Score(bytes: Uint8Array, littleEndian: boolean): number {
  const n = Math.min(bytes.length, PROBE_BYTES) & ~1;
  if (n === 0) return 0;
  let ok = 0;
  for (let i = 0; i < n; i += 2) {
    const u = littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!;
    if (plausibleUnit(u)) ok++;
  }
  return ok / (n / 2);
}

/** 'utf-16le' or 'utf-16be' when the bytes read as ordinary text in that encoding, else undefined. */
export function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 4) return undefined;
  const le = utf16Score(bytes, true);
  const be = utf16Score(bytes, false);
  if (Math.max(le, be) < UTF16_PLAUSIBLE) return undefined;
  return le >= be ? 'utf-16le' : 'utf-16be';
}

/**
 * Characters common in Chinese writing (and in these reports), in simplified and traditional forms. A text
 * decoded with the wrong one of GB18030 and Big5 is made of characters that mostly are not here.
 */
const COMMON = new Set([...(
  '的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后能对着事其里所去行过家十用发'
  + '天如然作方成者多日都三小军二无同么经法当起与好看学进种将还分此心前面又定见只主没公从知使点业本把性应开它合因由些外政'
  + '四社义平形相全表间样关各重新线内数正反明原利比或但质气第向命变条结解问意建月系很情最立代想已通并提直题党程展五果料象'
  + '员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接较组计别手角期根论运农指几九区强放决西被干做必战先回则'
  + '任取据处理府研信息申请办复议诉讼费收受度报告工作务单机依规况量结转继续予百千万元等级省市县乡镇街道办公室委员会部门'
  + '這為來們個國說時過會後對裡發經當與學進種將還點業應開關現實動產長門問間樣線數麼無從見沒結題黨員總義處據區強決戰則計別'
  + '農論運幾設頭資邊統級圖較組機變條達書車東聽話記讓萬體師傳權該歷導報際務辦濟專縣鄉鎮請認議號視費職約單類質訊規範項舉於'
)]);

function commonShare(text: string): { ideographs: number; share: number } {
  let ideographs = 0;
  let common = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x4e00 || c > 0x9fff) continue;
    ideographs++;
    if (COMMON.has(ch)) common++;
  }
  return { ideographs, share: ideographs ? common / ideographs : 0 };
}

function tryDecode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The text of bytes that are not UTF-8: Big5 when that reading is clearly the meant one (enough ideographs,
 * mostly common characters, far more so than the GB18030 reading's), else GB18030; undefined when neither
 * decodes.
 */
export function decodeChinese(bytes: Uint8Array): { text: string; encoding: 'gb18030' | 'big5' } | undefined {
  const gb = tryDecode('gb18030', bytes);
  const big5 = tryDecode('big5', bytes);
  if (big5 !== undefined) {
    const b = commonShare(big5.slice(0, PROBE_BYTES));
    const g = gb !== undefined ? commonShare(gb.slice(0, PROBE_BYTES)) : { ideographs: 0, share: 0 };
    if (b.ideographs >= MIN_IDEOGRAPHS && b.share >= COMMON_SHARE && b.share > BIG5_MARGIN * g.share) return { text: big5, encoding: 'big5' };
  }
  return gb !== undefined ? { text: gb, encoding: 'gb18030' } : undefined;
}
