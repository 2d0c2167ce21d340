/**
 * An invented placeholder "photo" for demo alerts: a drawn silhouette (no real person), encoded as
 * a small PNG in code so the demo needs no image files.
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A 120×150 PNG silhouette; `hue` (0–2) varies the background so demo alerts differ. */
export function drawDemoSilhouettePng(hue = 0): Buffer {
  const w = 120;
  const h = 150;
  const bg: [number, number, number][] = [[214, 228, 240], [232, 222, 240], [222, 238, 222]];
  const back = bg[hue % bg.length]!;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    const row = y * (w * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < w; x++) {
      const head = (x - 60) ** 2 + (y - 52) ** 2 <= 26 ** 2;
      const body = ((x - 60) / 52) ** 2 + ((y - 150) / 58) ** 2 <= 1;
      const c: [number, number, number] = head || body ? [96, 106, 120] : back;
      raw.set(c, row + 1 + x * 3);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
