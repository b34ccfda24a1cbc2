/** The image header (IHDR) of a PNG file. */
export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  /** 6 = RGBA, 2 = RGB, 3 = palette, 0 = grey, 4 = grey + alpha. */
  colorType: number;
}

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Reads the header of a PNG, so the package build can refuse icons of the wrong size before Teams
 * does (with a less helpful message).
 *
 * @throws if the bytes are not a PNG
 */
export function readPngHeader(png: Uint8Array): PngHeader {
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG file');
  }
  return {
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
    bitDepth: bytes[24],
    colorType: bytes[25],
  };
}
