import type { ScreeningPlan } from './screening-plan.js';
import type { ScreeningRequest, ScreeningResult } from './screening-types.js';

/** A request restricted to the objects a plan keeps, and the way back to the original indices. */
export interface CompactRequest {
  readonly request: ScreeningRequest;
  /** Original index of each compact index. */
  readonly originalIndex: Int32Array;
}

/**
 * Drop the objects excluded before propagation (stale element sets, shell filter) so workers neither receive
 * nor initialise them; their exclusions are added back by `expandCompactResult`.
 */
export function compactRequest(plan: ScreeningPlan): CompactRequest {
  const original: number[] = [];
  const compactOf = new Int32Array(plan.objectCount).fill(-1);
  for (let i = 0; i < plan.objectCount; i++) {
    if (plan.active[i] === 1) {
      compactOf[i] = original.length;
      original.push(i);
    }
  }
  const { primaryIndices, maxElementSetAgeDays: _applied, ...rest } = plan.request;
  const objects = original.map((i) => plan.request.objects[i] as ScreeningRequest['objects'][number]);
  const request: ScreeningRequest = {
    ...rest,
    objects,
    ...(primaryIndices
      ? { primaryIndices: primaryIndices.map((p) => compactOf[p] as number).filter((p) => p >= 0) }
      : {}),
  };
  return { request, originalIndex: Int32Array.from(original) };
}

/** Map a result on the compact request back to the original indices, with the plan's own exclusions. */
export function expandCompactResult(
  plan: ScreeningPlan,
  compact: CompactRequest,
  result: ScreeningResult,
): ScreeningResult {
  const o = (i: number) => compact.originalIndex[i] as number;
  const exclusions = [
    ...plan.exclusions,
    ...result.exclusions.map((x) => ({ ...x, index: o(x.index) })),
  ].sort((a, b) => a.index - b.index);
  const excludedByReason: Record<string, number> = {};
  for (const x of exclusions) excludedByReason[x.code] = (excludedByReason[x.code] ?? 0) + 1;
  return {
    conjunctions: result.conjunctions.map((e) => ({ ...e, index1: o(e.index1), index2: o(e.index2) })),
    persistent: result.persistent.map((p) => ({ ...p, index1: o(p.index1), index2: o(p.index2) })),
    exclusions,
    stats: { ...result.stats, objectsInput: plan.objectCount, excludedByReason },
  };
}
