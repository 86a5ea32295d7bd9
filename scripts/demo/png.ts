// A real, decodable PNG drawn in code (arroz, feijão e frango on a plate), so the demo needs no image file
// and the detector emulator, the header reader and any real decoder all accept it. The detector
// emulator's answer is a function of the bytes: `variant` changes them without changing the look.
import { deflateSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

type Rgb = [number, number, number];

/** An RGB PNG of a plate on a table: rice (white), beans (brown) and grilled chicken (golden). */
export function platePng(width = 160, height = 120, variant = 0, seed?: number): Buffer {
  const cx = width / 2;
  const cy = height / 2;
  const r = Math.min(width, height) * 0.45;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3); // filter byte 0 (None) per scanline
    for (let x = 0; x < width; x++) {
      const dx = x - cx;
      const dy = y - cy;
      const d = Math.hypot(dx, dy);
      let px: Rgb = [139, 94, 60]; // wooden table
      if (d < r) px = [245, 245, 240]; // plate
      if (d < r * 0.8) {
        const angle = Math.atan2(dy, dx);
        px = angle < -Math.PI / 3 ? [250, 250, 235] : angle < Math.PI / 2 ? [110, 60, 35] : [215, 165, 90];
      }
      row.set(px, 1 + x * 3);
    }
    rows.push(row);
  }
  // The variant lands in the last pixel of the image: invisible, but it changes the bytes.
  const last = rows[height - 1]!;
  last[last.length - 1] = (last[last.length - 1]! + variant) & 0xff;
  // Load tests need every image distinct (no cache hits): a 32-bit seed in the first pixels of that row.
  if (seed !== undefined) last.writeUInt32BE(seed >>> 0, 1);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
