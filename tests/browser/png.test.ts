import { crc32, deflateSync } from 'node:zlib';
import { describe, it, expect } from 'vitest';
import { countColor, decodePng, pixel } from './png.js';

/** Encodes raw pixels as a PNG, row y with filter y % 5, so every filter type is exercised. */
function encodePng(width: number, height: number, channels: 3 | 4, data: Uint8Array, colorType = channels === 4 ? 6 : 2, depth = 8): Buffer {
  const stride = width * channels;
  const raw = Buffer.alloc((stride + 1) * height);
  const at = (x: number, y: number) => (x < 0 || y < 0 ? 0 : data[y * stride + x]!);
  for (let y = 0; y < height; y++) {
    const filter = y % 5;
    raw[y * (stride + 1)] = filter;
    for (let x = 0; x < stride; x++) {
      const a = at(x - channels, y);
      const b = at(x, y - 1);
      const c = at(x - channels, y - 1);
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predicted = [0, a, b, (a + b) >> 1, paeth][filter]!;
      raw[y * (stride + 1) + 1 + x] = (at(x, y) - predicted) & 0xff;
    }
  }
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = depth;
  ihdr[9] = colorType;
  const z = deflateSync(raw);
  // Split the image data over two IDAT chunks, as encoders may.
  const half = Math.floor(z.length / 2);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', z.subarray(0, half)),
    chunk('IDAT', z.subarray(half)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Pixels that make every filter's prediction matter: gradients, noise, and wrap-around. */
function testPixels(width: number, height: number, channels: number): Uint8Array {
  const d = new Uint8Array(width * height * channels);
  let seed = 7;
  for (let i = 0; i < d.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    d[i] = i % 3 === 0 ? (seed >>> 16) & 0xff : (i * 37) & 0xff;
  }
  return d;
}

describe('decodePng', () => {
  it('decodes RGBA through all five filter types', () => {
    const data = testPixels(7, 10, 4);
    const img = decodePng(encodePng(7, 10, 4, data));
    expect([img.width, img.height, img.channels]).toEqual([7, 10, 4]);
    expect(Buffer.from(img.data).equals(Buffer.from(data))).toBe(true);
  });

  it('decodes RGB and reads pixels with opaque alpha', () => {
    const data = testPixels(5, 6, 3);
    const img = decodePng(encodePng(5, 6, 3, data));
    expect(Buffer.from(img.data).equals(Buffer.from(data))).toBe(true);
    const i = (2 * 5 + 3) * 3;
    expect(pixel(img, 3, 2)).toEqual([data[i], data[i + 1], data[i + 2], 255]);
  });

  it('counts pixels near a colour', () => {
    const data = new Uint8Array(4 * 2 * 4);
    for (let p = 0; p < 8; p++) data.set(p < 3 ? [0xac, 0xf2, 0xbd, 255] : [255, 255, 255, 255], p * 4);
    data.set([0xac + 4, 0xf2 - 4, 0xbd, 255], 3 * 4); // close enough
    const img = decodePng(encodePng(4, 2, 4, data));
    expect(countColor(img, '#acf2bd')).toBe(4);
    expect(countColor(img, '#acf2bd', 2)).toBe(3);
    expect(countColor(img, '#ffffff')).toBe(4);
  });

  it('refuses what it cannot read', () => {
    expect(() => decodePng(Buffer.from('GIF89a'))).toThrow(/not a PNG/);
    expect(() => decodePng(encodePng(2, 2, 4, new Uint8Array(16), 6, 16))).toThrow(/unsupported PNG: depth 16/);
  });
});
