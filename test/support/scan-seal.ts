import { escapeHtml } from '../../src/documents/render/escape-html.ts';

/**
 * An official seal (公章) as SVG, `size` pixels square: a red ring, the agency's name along the top
 * of the ring, a star in the middle and a purpose line under it. Drawn semi-transparent over the
 * 落款 of a scanned report's last page (composited with multiply, as ink over print: the text under
 * it stays visible, tinted).
 */
export function sealSvg(agency: string, size: number): string {
  const r = size / 2;
  const ring = size * 0.035;
  const font = size * 0.12;
  // The name runs clockwise along the ring, from lower left over the top to lower right, one
  // character at a time (upright to the ring), so that no text-on-path support is needed.
  const name = [...(agency.length > 14 ? agency.slice(0, 14) : agency)];
  const arcR = r - ring - font * 0.7;
  const span = Math.min(240, name.length * 24);
  const letters = name
    .map((char, i) => {
      const deg = 90 + span / 2 - (name.length === 1 ? span / 2 : (i * span) / (name.length - 1));
      const rad = (deg * Math.PI) / 180;
      const x = r + arcR * Math.cos(rad);
      const y = r - arcR * Math.sin(rad);
      return `<text transform="translate(${x.toFixed(1)} ${y.toFixed(1)}) rotate(${(90 - deg).toFixed(1)})" text-anchor="middle" dominant-baseline="central">${escapeHtml(char)}</text>`;
    })
    .join('');
  const star = starPoints(r, r * 0.95, size * 0.17);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
<g fill="#d81e1e" stroke="none" opacity="0.78">
<circle cx="${r}" cy="${r}" r="${r - ring / 2}" fill="none" stroke="#d81e1e" stroke-width="${ring}"/>
<g font-family="Noto Serif CJK SC, Noto Sans CJK SC, serif" font-weight="bold" font-size="${font}">${letters}</g>
<polygon points="${star}"/>
<text x="${r}" y="${r + size * 0.3}" font-family="Noto Serif CJK SC, Noto Sans CJK SC, serif" font-size="${font * 0.8}" text-anchor="middle">政务公开专用章</text>
</g>
</svg>`;
}

/** A five-pointed star centred at (cx, cy) of outer radius `outer`. */
function starPoints(cx: number, cy: number, outer: number): string {
  const inner = outer * 0.382;
  const points: string[] = [];
  for (let i = 0; i < 10; i += 1) {
    const radius = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push(
      `${(cx + radius * Math.cos(angle)).toFixed(1)},${(cy + radius * Math.sin(angle)).toFixed(1)}`,
    );
  }
  return points.join(' ');
}
