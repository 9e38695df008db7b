// Draws images/icon.png (128×128): a report page with table rows and a check badge on government red.
// Plain geometry, 4×4 supersampled; no image library. Usage: node images/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const N = 128;
const SS = 4;
const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16), 255];
const RED = hex('#b71c1c');
const PAPER = hex('#fffdf7');
const FOLD = hex('#e0d9c8');
const ROW = hex('#c9c2b2');
const HEAD = hex('#b71c1c');
const GOLD = hex('#f9be00');
const WHITE = hex('#ffffff');

const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
};
const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const distToSegment = (x, y, ax, ay, bx, by) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
};

/** The colour at a point, painter's order: later shapes on top. */
function colorAt(x, y) {
  let c = [0, 0, 0, 0];
  if (inRoundRect(x, y, 4, 4, 124, 124, 24)) c = RED;
  // The page with a folded corner.
  const [px0, py0, px1, py1, fold] = [30, 16, 92, 112, 18];
  if (inRect(x, y, px0, py0, px1, py1) && !(x > px1 - fold && y < py0 + fold && x - (px1 - fold) > y - py0)) c = PAPER;
  if (x > px1 - fold && x <= px1 && y >= py0 && y < py0 + fold && x - (px1 - fold) <= y - py0) c = FOLD;
  // Title bar and table rows.
  if (inRect(x, y, 40, 30, 72, 36)) c = HEAD;
  for (const ry of [48, 60, 72, 84]) {
    if (inRect(x, y, 40, ry, 82, ry + 4)) c = ROW;
  }
  // The check badge.
  const [bx, by, br] = [90, 92, 24];
  const d = Math.hypot(x - bx, y - by);
  if (d <= br) c = WHITE;
  if (d <= br - 4) c = GOLD;
  if (Math.min(distToSegment(x, y, 79, 92, 87, 101), distToSegment(x, y, 87, 101, 102, 83)) <= 3.6 && d <= br - 4) c = RED;
  return c;
}

const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  raw[y * (N * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < N; x++) {
    const acc = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const c = colorAt(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS);
        for (let k = 0; k < 3; k++) acc[k] += c[k] * c[3];
        acc[3] += c[3];
      }
    }
    const o = y * (N * 4 + 1) + 1 + x * 4;
    const a = acc[3] / (SS * SS);
    for (let k = 0; k < 3; k++) raw[o + k] = acc[3] ? Math.round(acc[k] / acc[3]) : 0;
    raw[o + 3] = Math.round(a);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`images/icon.png: ${png.length} bytes`);
