// The Mandelbrot set the kernels drew: the output bytes (a PBM, P4: one bit a pixel, rows
// padded to a byte), painted onto a canvas pixel for pixel.
import type { ChartRenderer } from './types';
import { el } from '../dom';

/** Width, height and where the bits start, from a P4 header ("P4\n<w> <h>\n"). */
export function pbmHeader(bytes: Uint8Array): { width: number; height: number; offset: number } | null {
  const head = new TextDecoder('ascii').decode(bytes.subarray(0, 64));
  const m = /^P4\s+(\d+)\s+(\d+)\s/.exec(head);
  if (!m) return null;
  return { width: Number(m[1]), height: Number(m[2]), offset: m[0].length };
}

export const render: ChartRenderer = (root, { result }) => {
  const bytes = result?.bytes;
  const h = bytes ? pbmHeader(bytes) : null;
  if (!bytes || !h || h.width * h.height > 16_000_000) {
    root.append(el('p', { class: 'muted' }, 'The picture is drawn from the bytes of a run on this page.'));
    return;
  }
  const canvas = el('canvas', { class: 'bitmap', width: String(h.width), height: String(h.height), role: 'img', 'aria-label': `The Mandelbrot set, ${h.width} by ${h.height} pixels, as the kernels drew it` });
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const img = ctx.createImageData(h.width, h.height);
  const rowBytes = Math.ceil(h.width / 8);
  for (let y = 0; y < h.height; y++) {
    for (let x = 0; x < h.width; x++) {
      const bit = (bytes[h.offset + y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1;
      const i = 4 * (y * h.width + x);
      const v = bit ? 20 : 250; // 1 is black in PBM: inside the set
      img.data[i] = v;
      img.data[i + 1] = v;
      img.data[i + 2] = bit ? 40 : 250;
      img.data[i + 3] = 255;
    }
  }
  ctx.putImageData(img, 0, 0);
  root.append(el('figure', {}, canvas, el('figcaption', {}, `The bitmap itself (${h.width}×${h.height}, ${bytes.length} bytes of PBM): both languages wrote these exact bytes.`)));
};
