/**
 * Draws the two Teams app icons and writes them next to manifest.json:
 * `color.png` (192×192, a white speech bubble with a check mark on Rijksoverheid blue #154273)
 * and `outline.png` (32×32, the same mark as white lines on transparent, as Teams requires).
 *
 * Run after changing the drawing: `npm run build && node dist/manifest/makeIcons.js`; the PNGs
 * are committed. Shapes are signed-distance functions in a unit square, sampled 4×4 per pixel
 * for anti-aliasing, so one drawing serves both sizes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng } from './encodePng';
import { findPackageRoot } from './findPackageRoot';

type Point = readonly [number, number];
type Colour = readonly [red: number, green: number, blue: number, opacity: number];

/** Rijksoverheid blue. */
const blue: Colour = [0x15, 0x42, 0x73, 1];
const white: Colour = [255, 255, 255, 1];
const transparent: Colour = [255, 255, 255, 0];
const samplesPerAxis = 4;
// Module-level copies: a global lookup such as `Math` is several times slower inside jest's
// sandbox, and these run some 600,000 times per icon.
const { abs, max, min, round, sqrt } = Math;

function roundedRectDistance(x: number, y: number, topLeft: Point, bottomRight: Point, radius: number): number {
  const qx = abs(x - (topLeft[0] + bottomRight[0]) / 2) - (bottomRight[0] - topLeft[0]) / 2 + radius;
  const qy = abs(y - (topLeft[1] + bottomRight[1]) / 2) - (bottomRight[1] - topLeft[1]) / 2 + radius;
  const ox = max(qx, 0);
  const oy = max(qy, 0);
  return sqrt(ox * ox + oy * oy) + min(max(qx, qy), 0) - radius;
}

function segmentDistance(x: number, y: number, a: Point, b: Point): number {
  const ax = a[0];
  const ay = a[1];
  const dx = b[0] - ax;
  const dy = b[1] - ay;
  const t = max(0, min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  const ex = x - (ax + t * dx);
  const ey = y - (ay + t * dy);
  return sqrt(ex * ex + ey * ey);
}

function triangleDistance(x: number, y: number, corners: readonly [Point, Point, Point]): number {
  const a = corners[0];
  const b = corners[1];
  const c = corners[2];
  const edge = min(segmentDistance(x, y, a, b), segmentDistance(x, y, b, c), segmentDistance(x, y, c, a));
  const side = (u: Point, v: Point) => (v[0] - u[0]) * (y - u[1]) - (v[1] - u[1]) * (x - u[0]);
  const s1 = side(a, b);
  const s2 = side(b, c);
  const s3 = side(c, a);
  const inside = (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
  return inside ? -edge : edge;
}

/** A speech bubble: a rounded rectangle with a tail at the lower left. */
interface Bubble {
  topLeft: Point;
  bottomRight: Point;
  radius: number;
  tail: readonly [Point, Point, Point];
}

function bubbleDistance(x: number, y: number, bubble: Bubble): number {
  return min(roundedRectDistance(x, y, bubble.topLeft, bubble.bottomRight, bubble.radius), triangleDistance(x, y, bubble.tail));
}

function checkDistance(x: number, y: number, stroke: readonly [Point, Point, Point], halfWidth: number): number {
  return min(segmentDistance(x, y, stroke[0], stroke[1]), segmentDistance(x, y, stroke[1], stroke[2])) - halfWidth;
}

/** Renders RGBA pixels; `shade` gives the colour of one sample point of the unit square. */
function render(size: number, shade: (x: number, y: number) => Colour): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const samples = samplesPerAxis * samplesPerAxis;
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samplesPerAxis; sy += 1) {
        for (let sx = 0; sx < samplesPerAxis; sx += 1) {
          const colour = shade((x + (sx + 0.5) / samplesPerAxis) / size, (y + (sy + 0.5) / samplesPerAxis) / size);
          // Premultiplied, so transparent samples do not darken the edge colour.
          r += colour[0] * colour[3];
          g += colour[1] * colour[3];
          b += colour[2] * colour[3];
          a += colour[3];
        }
      }
      const offset = (y * size + x) * 4;
      pixels[offset] = a > 0 ? round(r / a) : 0;
      pixels[offset + 1] = a > 0 ? round(g / a) : 0;
      pixels[offset + 2] = a > 0 ? round(b / a) : 0;
      pixels[offset + 3] = round((a / samples) * 255);
    }
  }
  return pixels;
}

/** The 192×192 full-colour icon: white bubble, blue check, on a blue square (Teams rounds it). */
export function renderColorIcon(size = 192): Uint8Array {
  const bubble: Bubble = {
    topLeft: [0.2, 0.22],
    bottomRight: [0.8, 0.66],
    radius: 0.09,
    tail: [
      [0.3, 0.6],
      [0.48, 0.6],
      [0.27, 0.8],
    ],
  };
  const check: [Point, Point, Point] = [
    [0.36, 0.44],
    [0.46, 0.54],
    [0.65, 0.34],
  ];
  return render(size, (x, y) => (checkDistance(x, y, check, 0.038) <= 0 || bubbleDistance(x, y, bubble) > 0 ? blue : white));
}

/** The 32×32 outline icon: the bubble's border and the check as white lines on transparent. */
export function renderOutlineIcon(size = 32): Uint8Array {
  const bubble: Bubble = {
    topLeft: [0.08, 0.1],
    bottomRight: [0.92, 0.7],
    radius: 0.16,
    tail: [
      [0.24, 0.66],
      [0.46, 0.66],
      [0.2, 0.92],
    ],
  };
  const check: [Point, Point, Point] = [
    [0.31, 0.41],
    [0.44, 0.53],
    [0.69, 0.27],
  ];
  const halfLine = 1 / size;
  return render(size, (x, y) =>
    abs(bubbleDistance(x, y, bubble)) <= halfLine || checkDistance(x, y, check, halfLine * 1.2) <= 0 ? white : transparent,
  );
}

/** Writes `color.png` and `outline.png` into `folder`. */
export function makeIcons(folder: string): void {
  writeFileSync(join(folder, 'color.png'), encodePng(192, 192, renderColorIcon()));
  writeFileSync(join(folder, 'outline.png'), encodePng(32, 32, renderOutlineIcon()));
}

if (require.main === module) {
  const folder = join(findPackageRoot(__dirname), 'manifest');
  makeIcons(folder);
  console.log(`Wrote ${join(folder, 'color.png')} and ${join(folder, 'outline.png')}`);
}
