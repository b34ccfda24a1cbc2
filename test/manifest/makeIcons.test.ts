import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { renderColorIcon, renderOutlineIcon } from '../../manifest/makeIcons';
import { readPngHeader } from '../../manifest/readPngHeader';

const manifestDir = join(__dirname, '..', '..', 'manifest');

/** Decodes the PNGs encodePng writes: 8-bit RGBA, every scanline unfiltered. */
function decodeOwnPng(png: Buffer): { width: number; height: number; rgba: Uint8Array } {
  const { width, height, bitDepth, colorType } = readPngHeader(png);
  expect([bitDepth, colorType]).toEqual([8, 6]);
  const idat: Buffer[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    if (png.toString('latin1', offset + 4, offset + 8) === 'IDAT') idat.push(png.subarray(offset + 8, offset + 8 + length));
    offset += length + 12;
  }
  const scanlines = inflateSync(Buffer.concat(idat));
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    const start = y * (width * 4 + 1);
    expect(scanlines[start]).toBe(0);
    rgba.set(scanlines.subarray(start + 1, start + 1 + width * 4), y * width * 4);
  }
  return { width, height, rgba };
}

function pixels(rgba: Uint8Array): [number, number, number, number][] {
  const result: [number, number, number, number][] = [];
  for (let i = 0; i < rgba.length; i += 4) result.push([rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]]);
  return result;
}

describe('app icons', () => {
  it('when color.png is read, then it is 192×192, opaque, Rijksoverheid blue with white', () => {
    const { width, height, rgba } = decodeOwnPng(readFileSync(join(manifestDir, 'color.png')));
    const all = pixels(rgba);

    expect([width, height]).toEqual([192, 192]);
    expect(all.every(([, , , alpha]) => alpha === 255)).toBe(true);
    expect(all).toContainEqual([0x15, 0x42, 0x73, 255]);
    expect(all).toContainEqual([255, 255, 255, 255]);
  });

  it('when outline.png is read, then it is 32×32 and white on transparent only', () => {
    const { width, height, rgba } = decodeOwnPng(readFileSync(join(manifestDir, 'outline.png')));
    const all = pixels(rgba);

    expect([width, height]).toEqual([32, 32]);
    expect(all.filter(([, , , alpha]) => alpha > 0).every(([r, g, b]) => r === 255 && g === 255 && b === 255)).toBe(true);
    expect(all.some(([, , , alpha]) => alpha === 0)).toBe(true);
    expect(all.some(([, , , alpha]) => alpha === 255)).toBe(true);
  });

  it('when the drawing is rendered again, then it equals the committed PNGs', () => {
    // Compared as buffers: a deep equality over 147,456 numbers takes seconds.
    const same = (committed: Uint8Array, drawn: Uint8Array) => Buffer.from(committed).equals(Buffer.from(drawn));

    expect(same(decodeOwnPng(readFileSync(join(manifestDir, 'color.png'))).rgba, renderColorIcon())).toBe(true);
    expect(same(decodeOwnPng(readFileSync(join(manifestDir, 'outline.png'))).rgba, renderOutlineIcon())).toBe(true);
  });
});
