// Draws the toolbar icon (an amber rounded square with three text lines, the middle one highlighted) at the sizes
// the stores ask for, as PNG files in public/icon/. Pure Node: no image tools needed. Run: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5, size);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// Coverage of a rounded rectangle at (x, y), antialiased over one pixel.
function inRoundRect(x, y, x0, y0, x1, y1, r) {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  const d = Math.hypot(x - cx, y - cy);
  return Math.min(1, Math.max(0, r + 0.5 - d));
}

const blend = (under, over, a) => under.map((u, i) => Math.round(u * (1 - a) + over[i] * a));

function icon(x, y, s) {
  const u = s / 16;
  const bg = inRoundRect(x, y, 0.5 * u, 0.5 * u, 15.5 * u, 15.5 * u, 3.2 * u);
  if (bg === 0) return [0, 0, 0, 0];
  const t = (x + y) / (2 * s);
  let c = [Math.round(252 - 20 * t), Math.round(190 - 70 * t), Math.round(36 - 30 * t)];
  const lines = [
    [3.5, 4.2, 12.5, 'ink'],
    [3.5, 7.4, 12.5, 'mark'],
    [3.5, 10.6, 9.5, 'ink'],
  ];
  for (const [x0, y0, x1, kind] of lines) {
    const h = kind === 'mark' ? 2.4 : 1.5;
    const a = inRoundRect(x, y, x0 * u, y0 * u, x1 * u, (y0 + h) * u, 0.7 * u);
    if (a > 0) c = blend(c, kind === 'mark' ? [255, 255, 255] : [120, 53, 15], a);
  }
  return [...c, Math.round(255 * bg)];
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 96, 128]) writeFileSync(`public/icon/${size}.png`, png(size, icon));
console.log('wrote public/icon/{16,32,48,96,128}.png');
