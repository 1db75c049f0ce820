/**
 * A tiny PNG reader for screenshots: 8-bit RGB or RGBA, non-interlaced, all five scanline
 * filters. Enough to look at the colours Chromium painted, nothing more.
 */
import { inflateSync } from 'node:zlib';

/** A decoded image: `data` holds `channels` bytes per pixel, rows top to bottom. */
export interface PngImage {
  width: number;
  height: number;
  channels: 3 | 4;
  data: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Decodes a PNG.
 * @throws Error for anything but 8-bit RGB/RGBA non-interlaced PNGs
 * @example const img = decodePng(await page.screenshot({ clip })); pixel(img, 0, 0) // [255, 255, 255, 255]
 */
export function decodePng(png: Uint8Array): PngImage {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (!SIGNATURE.every((b, i) => buf[i] === b)) throw new Error('not a PNG');
  let width = 0;
  let height = 0;
  let channels: 3 | 4 = 4;
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length; ) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const body = buf.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colorType, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      if (depth !== 8 || (colorType !== 2 && colorType !== 6) || interlace !== 0) {
        throw new Error(`unsupported PNG: depth ${depth}, colour type ${colorType}, interlace ${interlace}`);
      }
      channels = colorType === 6 ? 4 : 3;
    } else if (type === 'IDAT') {
      idat.push(body);
    } else if (type === 'IEND') {
      break;
    }
    at += 12 + length; // length, type, body, CRC
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const data = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    const prev = out - stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? data[out + x - channels]! : 0; // left
      const b = y > 0 ? data[prev + x]! : 0; // up
      const c = x >= channels && y > 0 ? data[prev + x - channels]! : 0; // up-left
      let predicted: number;
      switch (filter) {
        case 0: predicted = 0; break;
        case 1: predicted = a; break;
        case 2: predicted = b; break;
        case 3: predicted = (a + b) >> 1; break;
        case 4: predicted = paeth(a, b, c); break;
        default: throw new Error(`bad PNG filter ${filter} on row ${y}`);
      }
      data[out + x] = (line[x]! + predicted) & 0xff;
    }
  }
  return { width, height, channels, data };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** The RGBA of one pixel (alpha 255 for RGB images). */
export function pixel(img: PngImage, x: number, y: number): [number, number, number, number] {
  const i = (y * img.width + x) * img.channels;
  const d = img.data;
  return [d[i]!, d[i + 1]!, d[i + 2]!, img.channels === 4 ? d[i + 3]! : 255];
}

/**
 * How many pixels are within `tolerance` (per channel) of a colour given as `#rrggbb`.
 * @example countColor(img, '#acf2bd') > 0
 */
export function countColor(img: PngImage, hex: string, tolerance = 6): number {
  const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const px = pixel(img, x, y);
      if (want.every((v, k) => Math.abs(px[k]! - v) <= tolerance)) n++;
    }
  }
  return n;
}
