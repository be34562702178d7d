/** Outcome of one compatibility check (basis §4.1). */
export type CheckStatus = 'pass' | 'fail' | 'unknown';

const RANK: Record<CheckStatus, number> = { pass: 0, unknown: 1, fail: 2 };

/** Overall rule of the basis §4.1: any fail → fail, else any unknown → unknown, else pass. */
export function worstStatus(statuses: readonly CheckStatus[]): CheckStatus {
  let worst: CheckStatus = 'pass';
  for (const s of statuses) if (RANK[s] > RANK[worst]) worst = s;
  return worst;
}

export function statusRank(s: CheckStatus): number {
  return RANK[s];
}
