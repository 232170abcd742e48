/** Small SVG primitives for the report's pictures: boxes, text, arrows — all inline, no references. */
import { displayWidth } from '../migration-format';
import { h } from './elements';

export const fmt = (x: number): string => String(Math.round(x * 10) / 10);

/**
 * A line of text; with `maxWidth`, a line estimated wider (a column ≈ 0.55 em, CJK two) is squeezed
 * to fit (`textLength`), so a long name stays inside its box.
 */
export function text(x: number, y: number, s: string, cls = '', anchor: 'start' | 'middle' | 'end' = 'middle', maxWidth?: number, fontSize = 12): string {
  const fit = maxWidth !== undefined && displayWidth(s) * fontSize * 0.55 > maxWidth ? ` textLength="${fmt(maxWidth)}" lengthAdjust="spacingAndGlyphs"` : '';
  return `<text x="${fmt(x)}" y="${fmt(y)}" text-anchor="${anchor}"${fit}${cls === '' ? '' : ` class="${cls}"`}>${h(s)}</text>`;
}

export function rect(x: number, y: number, w: number, hgt: number, cls: string, extra = ''): string {
  return `<rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(w)}" height="${fmt(hgt)}" rx="4" class="${cls}"${extra}/>`;
}

/**
 * A curve from (x1,y1) to (x2,y2) bulging by `bulge` (negative: upwards) with an arrowhead drawn
 * as a polygon at the end (a `marker` would need a `url(#…)` reference). Returns the label point.
 */
export function arrow(x1: number, y1: number, x2: number, y2: number, bulge: number, cls: string, head = true): { svg: string; lx: number; ly: number } {
  const cx = (x1 + x2) / 2;
  const cy = (y1 + y2) / 2 + bulge;
  let svg = `<path d="M${fmt(x1)} ${fmt(y1)} Q${fmt(cx)} ${fmt(cy)} ${fmt(x2)} ${fmt(y2)}" class="${cls}" fill="none"/>`;
  if (head) {
    const a = Math.atan2(y2 - cy, x2 - cx);
    const p = (d: number, r: number): string => `${fmt(x2 - r * Math.cos(a + d))},${fmt(y2 - r * Math.sin(a + d))}`;
    svg += `<polygon points="${fmt(x2)},${fmt(y2)} ${p(0.45, 9)} ${p(-0.45, 9)}" class="${cls} head"/>`;
  }
  // The curve's midpoint (t = 1/2) is halfway between the chord's midpoint and the control point.
  return { svg, lx: cx, ly: (y1 + y2) / 4 + cy / 2 };
}
