/**
 * What to re-screen when new element sets or ephemerides arrive: the objects they touch become the primaries of an
 * incremental one-vs-all screening against the whole catalog. Too many primaries make one-vs-all no cheaper than a
 * full screening, so above a fraction of the catalog a full screening is planned instead.
 */
export type RescreenPlan =
  | { readonly kind: 'none' }
  | { readonly kind: 'incremental'; readonly primaries: readonly number[] }
  | { readonly kind: 'full' };

/** Above this fraction of the catalog touched, re-screen everything (one-vs-all cost grows with the primaries). */
export const FULL_RESCREEN_FRACTION = 0.25;

export function planRescreen(touchedNoradCatIds: readonly number[], catalogSize: number): RescreenPlan {
  const primaries = [...new Set(touchedNoradCatIds)].sort((a, b) => a - b);
  if (primaries.length === 0) return { kind: 'none' };
  if (catalogSize > 0 && primaries.length > FULL_RESCREEN_FRACTION * catalogSize) return { kind: 'full' };
  return { kind: 'incremental', primaries };
}
