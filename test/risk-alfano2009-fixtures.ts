import { readFileSync } from 'node:fs';

/**
 * Reader for the Alfano (2009) test-case fixtures (CARA's Excel inputs converted to CSV): states in metres and
 * metres per second, 6x6 covariances (m, s), ECI; at epoch and at TCA.
 */
const dir = new URL('fixtures/pc/alfano2009/', import.meta.url);

export interface AlfanoStates {
  readonly primaryStateM: Float64Array;
  readonly primaryCovariance: Float64Array;
  readonly secondaryStateM: Float64Array;
  readonly secondaryCovariance: Float64Array;
  /** TCA in seconds after epoch (from the TCA file's title line). */
  readonly tcaAfterEpochS: number;
}

function numbersAfter(lines: string[], heading: string, rows: number): number[][] {
  const start = lines.findIndex((l) => l.startsWith(heading));
  if (start < 0) throw new Error(`heading ${heading} not found`);
  const out: number[][] = [];
  for (let i = start + 1; i < lines.length && out.length < rows; i++) {
    const cells = (lines[i] ?? '').split(',').filter((c) => c.trim() !== '');
    if (cells.length >= 3 && cells.every((c) => Number.isFinite(Number(c)))) out.push(cells.map(Number));
  }
  return out;
}

export function loadAlfanoCase(n: number, at: 'epoch' | 'tca'): AlfanoStates {
  const read = (which: string) =>
    readFileSync(new URL(`case${n}-at-${which}.csv`, dir), 'utf8').split(/\r?\n/);
  const lines = read(at);
  const tcaTitle = read('tca')[0] ?? '';
  const tca = /TCA, (\d+) seconds after epoch/.exec(tcaTitle);
  const state = (who: string) =>
    Float64Array.from([
      ...(numbersAfter(lines, `${who} Object ECI position`, 1)[0] ?? []),
      ...(numbersAfter(lines, `${who} Object ECI velocity`, 1)[0] ?? []),
    ]);
  const cov = (who: string) =>
    Float64Array.from(numbersAfter(lines, `${who} Object ECI covariance`, 6).flat());
  return {
    primaryStateM: state('Primary'),
    primaryCovariance: cov('Primary'),
    secondaryStateM: state('Secondary'),
    secondaryCovariance: cov('Secondary'),
    tcaAfterEpochS: tca ? Number(tca[1]) : Number.NaN,
  };
}

export interface AlfanoSummary {
  readonly n: number;
  readonly hbrM: number;
  /** Alfano's encounter half-window (s): CARA integrates over TCA +/- this. */
  readonly finalTimeS: number;
  /** Alfano's "instantaneous probability": the probability of contact at the window start, TCA - FinalTime. */
  readonly alfanoInstProb: number;
  readonly alfanoMc: number;
  readonly caraPc2d: number;
  readonly caraPc3d: number;
  readonly caraMc: number;
  readonly caraMcLow: number;
  readonly caraMcHigh: number;
}

export function alfanoSummary(): AlfanoSummary[] {
  const rows = (name: string) =>
    readFileSync(new URL(name, dir), 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(',').map(Number));
  const supplementary = new Map(rows('alfano-2009-supplementary.csv').map((c) => [c[0], c]));
  return rows('A09TestCases_01_12_Distributed.csv').map((c) => ({
    n: c[0] ?? 0,
    hbrM: c[1] ?? 0,
    finalTimeS: supplementary.get(c[0])?.[1] ?? Number.NaN,
    alfanoInstProb: supplementary.get(c[0])?.[2] ?? Number.NaN,
    alfanoMc: c[3] ?? 0,
    caraPc2d: c[5] ?? 0,
    caraPc3d: c[6] ?? 0,
    caraMc: c[7] ?? 0,
    caraMcLow: c[8] ?? 0,
    caraMcHigh: c[9] ?? 0,
  }));
}
