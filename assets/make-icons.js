/* Draws the add-in icons: a red seal-like square with a white tick (icon-16.png … icon-80.png for manifest.xml,
 * icon-192.png the unified manifest's colour icon) and the unified manifest's 32x32 outline icon (outline-32.png:
 * the square's border and the tick in white on a transparent background).
 * Run: node assets/make-icons.js. Plain Node (zlib), no image libraries. */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 192];
const RED = [196, 43, 28];
const WHITE = [255, 255, 255];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Distance from point p to segment ab. */
function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** RGBA of pixel (x, y) in unit coordinates, 4x4 supersampled; `outline`: white border and tick, transparent inside. */
function pixel(size, x, y, outline = false) {
  const samples = 4;
  let cover = 0, tick = 0;
  for (let i = 0; i < samples; i++) {
    for (let j = 0; j < samples; j++) {
      const u = (x + (i + 0.5) / samples) / size, v = (y + (j + 0.5) / samples) / size;
      const r = 0.16, inset = 0.04; // rounded square
      const cx = Math.min(Math.max(u, inset + r), 1 - inset - r), cy = Math.min(Math.max(v, inset + r), 1 - inset - r);
      const edge = Math.hypot(u - cx, v - cy);
      if (edge > r) continue;
      const d0 = Math.min(segmentDistance(u, v, 0.24, 0.52, 0.43, 0.71), segmentDistance(u, v, 0.43, 0.71, 0.78, 0.3));
      if (outline) {
        const border = Math.min(u - inset, v - inset, 1 - inset - u, 1 - inset - v) < 0.07 || edge > r - 0.07;
        if (border || d0 < 0.075) cover++;
        continue;
      }
      cover++;
      const d = Math.min(segmentDistance(u, v, 0.24, 0.52, 0.43, 0.71), segmentDistance(u, v, 0.43, 0.71, 0.78, 0.3));
      if (d < 0.075) tick++;
    }
  }
  const n = samples * samples;
  if (outline) return [...WHITE, Math.round((255 * cover) / n)];
  const t = cover ? tick / cover : 0;
  const rgb = RED.map((c, k) => Math.round(c * (1 - t) + WHITE[k] * t));
  return [...rgb, Math.round((255 * cover) / n)];
}

function png(size, outline = false) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) row.push(...pixel(size, x, y, outline));
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) fs.writeFileSync(path.join(__dirname, `icon-${size}.png`), png(size));
fs.writeFileSync(path.join(__dirname, "outline-32.png"), png(32, true));
