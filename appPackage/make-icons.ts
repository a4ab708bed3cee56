/**
 * Draws the Teams app icons (color.png 192x192, outline.png 32x32) and writes them next to this
 * file. Run once with `npx tsx appPackage/make-icons.ts`; the PNGs are committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** An RGBA colour, each channel 0–255. */
export type Rgba = [number, number, number, number];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c >>> 0;
});

/** @returns the CRC-32 (as used by PNG and zip) of `data` */
export function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) {
    c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * Encodes 8-bit RGBA pixels as a PNG (colour type 6, no interlace, filter 0 on every row).
 * @param width image width in pixels
 * @param height image height in pixels
 * @param rgba `width * height * 4` bytes, row by row
 * @returns the PNG file bytes
 */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Whether (u, v), in a unit box, lies inside a heater shield: straight top, curved point below. */
function inShield(u: number, v: number): boolean {
  if (u < 0 || u > 1 || v < 0 || v > 1) {
    return false;
  }
  const dx = Math.abs(u - 0.5);
  if (v <= 0.42) {
    return dx <= 0.5;
  }
  const t = (v - 0.42) / 0.58;
  return dx <= 0.5 * Math.sqrt(1 - t * t);
}

/**
 * Renders a picture by 4x4 supersampling a function that colours a point of the unit square.
 * @returns RGBA bytes with coverage-weighted colour and alpha
 */
function rasterise(size: number, paint: (x: number, y: number) => Rgba | null): Buffer {
  const out = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = paint((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (c) {
            const a = c[3] / 255;
            acc[0] += c[0] * a;
            acc[1] += c[1] * a;
            acc[2] += c[2] * a;
            acc[3] += a;
          }
        }
      }
      const o = (py * size + px) * 4;
      const cover = acc[3];
      out[o] = cover ? Math.round(acc[0] / cover) : 0;
      out[o + 1] = cover ? Math.round(acc[1] / cover) : 0;
      out[o + 2] = cover ? Math.round(acc[2] / cover) : 0;
      out[o + 3] = Math.round((cover / (n * n)) * 255);
    }
  }
  return out;
}

const ACCENT: Rgba = [0x1f, 0x5c, 0x99, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const AMBER: Rgba = [0xf2, 0xa9, 0x00, 255];

/** Full-colour icon: accent background, white shield, amber dot for "a case to learn from". */
function paintColor(x: number, y: number): Rgba {
  const u = (x - 0.22) / 0.56;
  const v = (y - 0.17) / 0.66;
  if (!inShield(u, v)) {
    return ACCENT;
  }
  const r = Math.hypot(x - 0.5, y - 0.44);
  return r <= 0.11 ? AMBER : WHITE;
}

/** Outline icon: white shield rim and dot on a transparent background. */
function paintOutline(x: number, y: number): Rgba | null {
  const u = (x - 0.12) / 0.76;
  const v = (y - 0.06) / 0.88;
  const rim = 0.13;
  const inner = inShield((u - rim) / (1 - 2 * rim), (v - rim * 0.8) / (1 - 2 * rim));
  if (inShield(u, v) && !inner) {
    return WHITE;
  }
  return Math.hypot(x - 0.5, y - 0.42) <= 0.12 ? WHITE : null;
}

/**
 * Writes color.png and outline.png into a folder.
 * @param dir the target folder, normally `appPackage/`
 */
export function writeIcons(dir: string): void {
  fs.writeFileSync(path.join(dir, 'color.png'), encodePng(192, 192, rasterise(192, paintColor)));
  fs.writeFileSync(path.join(dir, 'outline.png'), encodePng(32, 32, rasterise(32, paintOutline)));
}

if (require.main === module) {
  writeIcons(__dirname);
  process.stdout.write(`icons written to ${__dirname}\n`);
}
