import type { EncounterPlane } from '../../core/risk/encounter-plane.js';

export interface EncounterPlotLabels {
  readonly title: string;
  readonly subtitle: string;
  readonly hbrM: number;
  readonly pcText: string;
  /** Extra lines shown under the legend (warnings, synthetic covariance flags). */
  readonly notes?: readonly string[];
}

const W = 1000;
const H = 760;
const PLOT = { left: 90, top: 110, size: 560 };

function niceStep(range: number, targetTicks = 8): number {
  const raw = range / targetTicks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  for (const f of [1, 2, 2.5, 5, 10]) if (f * mag >= raw) return f * mag;
  return 10 * mag;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function fmtM(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e5 || (a < 1e-2 && a > 0)) return v.toExponential(1);
  return Number(v.toPrecision(6)).toString();
}

/**
 * SVG picture of the encounter plane: combined covariance ellipses (1, 2, 3 sigma) centred on the miss
 * point, the hard-body circle at the origin (to scale, with a marker so it stays visible when tiny), the miss
 * vector, axes in metres with equal scales. x: direction of the miss at TCA; z: normal to the miss and the
 * relative velocity (the plane is normal to the relative velocity).
 */
export function encounterPlaneSvg(plane: EncounterPlane, labels: EncounterPlotLabels): string {
  const mx = plane.relativePositionM[0] === undefined ? 0 : dotAxis(plane.relativePositionM, plane.xAxis);
  const mz = dotAxis(plane.relativePositionM, plane.zAxis);
  const sMaj = Number.isFinite(plane.sigmaMajorM) ? plane.sigmaMajorM : 0;
  const sMin = Number.isFinite(plane.sigmaMinorM) ? plane.sigmaMinorM : 0;
  const half = Math.max(Math.abs(mx) + 3.3 * sMaj, Math.abs(mz) + 3.3 * sMaj, labels.hbrM * 1.5, 1) * 1.05;
  // View centred between origin and miss point so both fit.
  const cx = mx / 2;
  const cz = mz / 2;
  const scale = PLOT.size / (2 * half);
  const X = (x: number) => PLOT.left + (x - (cx - half)) * scale;
  const Y = (z: number) => PLOT.top + (cz + half - z) * scale;
  const angleDeg = (-plane.majorAxisAngleRad * 180) / Math.PI;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="36" text-anchor="middle" font-size="20" font-weight="bold">${esc(labels.title)}</text>`,
    `<text x="${W / 2}" y="62" text-anchor="middle" font-size="15">${esc(labels.subtitle)}</text>`,
    `<text x="${W / 2}" y="86" text-anchor="middle" font-size="16" font-weight="bold" fill="#b00">${esc(labels.pcText)}</text>`,
    `<defs><clipPath id="plot"><rect x="${PLOT.left}" y="${PLOT.top}" width="${PLOT.size}" height="${PLOT.size}"/></clipPath>`,
    `<marker id="arrow" markerWidth="10" markerHeight="8" refX="9" refY="4" orient="auto"><path d="M0,0 L10,4 L0,8 z" fill="#000"/></marker></defs>`,
    `<rect x="${PLOT.left}" y="${PLOT.top}" width="${PLOT.size}" height="${PLOT.size}" fill="#fafafa" stroke="#333"/>`,
  );
  // Grid and ticks.
  const step = niceStep(2 * half);
  const ticks: string[] = [];
  for (let v = Math.ceil((cx - half) / step) * step; v <= cx + half; v += step) {
    const px = X(v);
    ticks.push(
      `<line x1="${px}" y1="${PLOT.top}" x2="${px}" y2="${PLOT.top + PLOT.size}" stroke="#e3e3e3"/>`,
    );
    ticks.push(
      `<text x="${px}" y="${PLOT.top + PLOT.size + 18}" text-anchor="middle" font-size="12">${fmtM(v)}</text>`,
    );
  }
  for (let v = Math.ceil((cz - half) / step) * step; v <= cz + half; v += step) {
    const py = Y(v);
    ticks.push(
      `<line x1="${PLOT.left}" y1="${py}" x2="${PLOT.left + PLOT.size}" y2="${py}" stroke="#e3e3e3"/>`,
    );
    ticks.push(`<text x="${PLOT.left - 8}" y="${py + 4}" text-anchor="end" font-size="12">${fmtM(v)}</text>`);
  }
  parts.push(...ticks);
  parts.push(
    `<text x="${PLOT.left + PLOT.size / 2}" y="${PLOT.top + PLOT.size + 42}" text-anchor="middle" font-size="14">x: along the miss vector at TCA (m)</text>`,
    `<text transform="translate(${PLOT.left - 62},${PLOT.top + PLOT.size / 2}) rotate(-90)" text-anchor="middle" font-size="14">z: normal to miss and relative velocity (m)</text>`,
  );
  const g: string[] = [`<g clip-path="url(#plot)">`];
  // Axes through the origin (the primary's hard-body centre).
  g.push(
    `<line x1="${X(cx - half)}" y1="${Y(0)}" x2="${X(cx + half)}" y2="${Y(0)}" stroke="#999" stroke-dasharray="4 3"/>`,
  );
  g.push(
    `<line x1="${X(0)}" y1="${Y(cz - half)}" x2="${X(0)}" y2="${Y(cz + half)}" stroke="#999" stroke-dasharray="4 3"/>`,
  );
  const colors = ['#1f5fbf', '#4f86d9', '#8fb3ea'];
  for (const k of [3, 2, 1]) {
    g.push(
      `<ellipse cx="${X(mx)}" cy="${Y(mz)}" rx="${k * sMaj * scale}" ry="${k * sMin * scale}" transform="rotate(${angleDeg} ${X(mx)} ${Y(mz)})" fill="${colors[k - 1]}" fill-opacity="${0.1 + 0.08 * (3 - k)}" stroke="${colors[k - 1]}" stroke-width="1.8"/>`,
    );
  }
  // Hard-body circle, to scale, plus a ring marker so a tiny circle stays visible.
  const rPx = labels.hbrM * scale;
  g.push(
    `<circle cx="${X(0)}" cy="${Y(0)}" r="${Math.max(rPx, 0.5)}" fill="#d22" fill-opacity="0.5" stroke="#a00" stroke-width="1.5"/>`,
  );
  if (rPx < 6)
    g.push(`<circle cx="${X(0)}" cy="${Y(0)}" r="8" fill="none" stroke="#a00" stroke-width="1.5"/>`);
  g.push(
    `<line x1="${X(0)}" y1="${Y(0)}" x2="${X(mx)}" y2="${Y(mz)}" stroke="#000" stroke-width="2" marker-end="url(#arrow)"/>`,
    `<circle cx="${X(mx)}" cy="${Y(mz)}" r="3" fill="#000"/>`,
  );
  g.push('</g>');
  parts.push(...g);
  // Legend.
  const lx = PLOT.left + PLOT.size + 25;
  let ly = PLOT.top + 10;
  const legend = (swatch: string, text: string) => {
    parts.push(`${swatch.replace(/LX/g, String(lx)).replace(/LY/g, String(ly))}`);
    parts.push(`<text x="${lx + 30}" y="${ly + 5}" font-size="13">${esc(text)}</text>`);
    ly += 24;
  };
  for (const k of [1, 2, 3]) {
    legend(
      `<line x1="LX" y1="LY" x2="${lx + 22}" y2="LY" stroke="${colors[k - 1]}" stroke-width="3"/>`,
      `${k}-sigma combined covariance`,
    );
  }
  legend(
    `<circle cx="${lx + 11}" cy="LY" r="6" fill="#d22" fill-opacity="0.5" stroke="#a00"/>`,
    `hard-body circle, R = ${fmtM(labels.hbrM)} m`,
  );
  legend(
    `<line x1="LX" y1="LY" x2="${lx + 22}" y2="LY" stroke="#000" stroke-width="2"/>`,
    `miss vector, ${fmtM(plane.missM)} m`,
  );
  ly += 8;
  const facts = [
    `sigma major ${fmtM(sMaj)} m`,
    `sigma minor ${fmtM(sMin)} m`,
    `relative speed ${fmtM(plane.relativeSpeedMS)} m/s`,
    `scale: 1 px = ${fmtM(1 / scale)} m`,
    ...(labels.notes ?? []),
  ];
  for (const f of facts) {
    parts.push(`<text x="${lx}" y="${ly}" font-size="12" fill="#333">${esc(f)}</text>`);
    ly += 18;
  }
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function dotAxis(v: Float64Array, axis: Float64Array): number {
  return (v[0] ?? 0) * (axis[0] ?? 0) + (v[1] ?? 0) * (axis[1] ?? 0) + (v[2] ?? 0) * (axis[2] ?? 0);
}
