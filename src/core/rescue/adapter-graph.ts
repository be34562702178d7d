import { type CheckStatus, statusRank, worstStatus } from './check-status.js';
import { familyRelation } from './mechanism-families.js';
import { type DockingFace, isKnown, type Passport, type SourcedValue } from './passport-schema.js';
import type { PassportLibrary } from './passport-validation.js';

/** A face of a passport: a node of the adapter graph. */
export interface FaceRef {
  readonly passportId: string;
  readonly face: DockingFace;
}

/** One mating of two faces along a path, with the family and role verdicts. */
export interface Mating {
  readonly chaser: FaceRef;
  readonly target: FaceRef;
  readonly family: CheckStatus;
  readonly familyReason: string;
  readonly roles: CheckStatus;
  readonly rolesReason: string;
  /** Both sides only active or only passive: the missing piece is a two-sided adapter or a dual-role face. */
  readonly sameOnlyRole?: 'active' | 'passive';
  readonly berthing: boolean;
  /** A fact used for a pass is only `unverified`. */
  readonly reliesOnUnverified: boolean;
}

/** A docking path from a rescuer face to a free face of the target stack. */
export interface DockingPath {
  readonly matings: readonly Mating[];
  /** Adapters carried by the rescuer and used on the way (e.g. the ASTP Docking Module). */
  readonly carriedAdapters: readonly string[];
  /** Installed adapters between the free face reached and the target itself (e.g. IDA-2 → PMA-2). */
  readonly installedChain: readonly string[];
  /** The free face reached on the target stack. */
  readonly targetFace: FaceRef;
  readonly status: CheckStatus;
}

export interface AdapterSearchOptions {
  /** Faces of the target stack already occupied by other vehicles (`passportId/faceId`). */
  readonly occupiedFaces?: readonly string[];
  /** Restrict to one face of the target stack (`passportId/faceId`, e.g. `iss/poisk-zenith`). */
  readonly targetFace?: string;
  /** Allow historical adapters (precedent replay, e.g. ASTP 1975). */
  readonly includeHistorical?: boolean;
  /** Consider every non-destroyed adapter of the library as if it could be brought (missing-piece search). */
  readonly anyAdapter?: boolean;
}

const faceKey = (r: FaceRef) => `${r.passportId}/${r.face.id}`;

function boolStatus(v: SourcedValue<boolean>): { value: boolean | undefined; unverified: boolean } {
  return isKnown(v)
    ? { value: v.value, unverified: v.confidence === 'unverified' }
    : { value: undefined, unverified: false };
}

/** Role verdict (basis §4.3 C2): one side active and the other passive; androgynous faces can be either. */
export function roleVerdict(
  chaser: DockingFace,
  target: DockingFace,
): { status: CheckStatus; reason: string; sameOnlyRole?: 'active' | 'passive'; unverified: boolean } {
  const ca = boolStatus(chaser.canBeActive);
  const cp = boolStatus(chaser.canBePassive);
  const ta = boolStatus(target.canBeActive);
  const tp = boolStatus(target.canBePassive);
  const pairs = [
    [ca, tp],
    [cp, ta],
  ] as const;
  const yes = pairs.find(([x, y]) => x.value === true && y.value === true);
  if (yes) {
    return {
      status: 'pass',
      reason: yes[0] === ca ? 'chaser active, target passive' : 'chaser passive, target active',
      unverified: yes[0].unverified || yes[1].unverified,
    };
  }
  if (pairs.every(([x, y]) => x.value === false || y.value === false)) {
    const bothActiveOnly = ca.value === true && ta.value === true && cp.value === false && tp.value === false;
    const bothPassiveOnly =
      cp.value === true && tp.value === true && ca.value === false && ta.value === false;
    const base = {
      status: 'fail' as const,
      reason: bothActiveOnly
        ? 'both faces are active-only: docking needs one active and one passive side'
        : bothPassiveOnly
          ? 'both faces are passive-only: docking needs one active and one passive side'
          : 'no active/passive pairing is possible',
      unverified: false,
    };
    if (bothActiveOnly) return { ...base, sameOnlyRole: 'active' };
    if (bothPassiveOnly) return { ...base, sameOnlyRole: 'passive' };
    return base;
  }
  const missing = [
    ca.value === undefined ? `${chaser.name}: active role` : '',
    cp.value === undefined ? `${chaser.name}: passive role` : '',
    ta.value === undefined ? `${target.name}: active role` : '',
    tp.value === undefined ? `${target.name}: passive role` : '',
  ].filter((s) => s !== '');
  return { status: 'unknown', reason: `role unpublished (${missing.join('; ')})`, unverified: false };
}

/** Verdict for mating two faces directly. */
export function evaluateMating(chaser: FaceRef, target: FaceRef): Mating {
  const cf = chaser.face.family;
  const tf = target.face.family;
  let family: CheckStatus;
  let familyReason: string;
  let unverified = false;
  if (!isKnown(cf) || !isKnown(tf)) {
    family = 'unknown';
    familyReason = `mechanism family unknown (${[!isKnown(cf) ? cf.reason : '', !isKnown(tf) ? tf.reason : ''].filter(Boolean).join('; ')})`;
  } else {
    const rel = familyRelation(cf.value, tf.value);
    family = rel.status;
    familyReason = rel.reason;
    unverified = cf.confidence === 'unverified' || tf.confidence === 'unverified';
  }
  const roles = roleVerdict(chaser.face, target.face);
  return {
    chaser,
    target,
    family,
    familyReason,
    roles: roles.status,
    rolesReason: roles.reason,
    ...(roles.sameOnlyRole ? { sameOnlyRole: roles.sameOnlyRole } : {}),
    berthing: chaser.face.berthingOnly || target.face.berthingOnly,
    reliesOnUnverified: (family === 'pass' && unverified) || (roles.status === 'pass' && roles.unverified),
  };
}

function matingStatus(m: Mating): CheckStatus {
  return worstStatus([m.family, m.roles, m.berthing ? 'fail' : 'pass']);
}

/** Follow `installation.hostId` links to the passport an adapter stack is ultimately installed on. */
function rootHost(p: Passport, library: PassportLibrary): { root: string; chain: string[] } {
  const chain: string[] = [];
  let current: Passport | undefined = p;
  const seen = new Set<string>();
  while (current?.installation?.hostId !== undefined && !seen.has(current.id)) {
    seen.add(current.id);
    chain.push(current.id);
    current = library.byId.get(current.installation.hostId);
  }
  return { root: current?.id ?? p.id, chain };
}

function usable(p: Passport, options: AdapterSearchOptions): boolean {
  const status = p.installation?.status;
  if (status === 'in-service') return true;
  if (status === 'historical') return options.includeHistorical === true;
  if (status === 'ground-tested') return options.anyAdapter === true;
  return false;
}

/**
 * Find docking paths from the rescuer to the target by breadth-first search over faces (basis §4.2):
 * nodes are faces, edges are matings (family and roles) and the internal link between the two faces of an
 * adapter. Adapters installed on the target (IDA on PMA on Harmony) make up the target stack; adapters carried
 * by the rescuer may be inserted. All paths are returned, best first (status, then length).
 */
export function findDockingPaths(
  rescuer: Passport,
  target: Passport,
  library: PassportLibrary,
  options: AdapterSearchOptions = {},
): DockingPath[] {
  // The target stack: the target and every usable adapter whose root host is the target.
  const stackChain = new Map<string, string[]>([[target.id, []]]);
  for (const p of library.passports) {
    if (p.kind !== 'adapter' || !usable(p, options) || p.installation?.hostId === undefined) continue;
    const { root, chain } = rootHost(p, library);
    if (root === target.id) stackChain.set(p.id, chain);
  }
  const occupied = new Set(options.occupiedFaces ?? []);
  for (const id of stackChain.keys()) {
    const inst = library.byId.get(id)?.installation;
    if (id === target.id || !inst) continue;
    if (inst.hostId !== undefined && inst.hostFaceId !== undefined)
      occupied.add(`${inst.hostId}/${inst.hostFaceId}`);
    if (inst.ownFaceId !== undefined) occupied.add(`${id}/${inst.ownFaceId}`);
  }
  const freeTargetFaces: FaceRef[] = [];
  for (const id of stackChain.keys()) {
    const p = library.byId.get(id) ?? (id === target.id ? target : undefined);
    for (const face of p?.dockingFaces ?? []) {
      const ref = { passportId: id, face };
      if (occupied.has(faceKey(ref))) continue;
      if (options.targetFace !== undefined && faceKey(ref) !== options.targetFace) continue;
      freeTargetFaces.push(ref);
    }
  }
  // Adapters the rescuer may insert between itself and the target.
  const insertable = library.passports.filter(
    (p) =>
      p.kind === 'adapter' &&
      p.dockingFaces.length === 2 &&
      !stackChain.has(p.id) &&
      ((p.installation?.carriedBy === rescuer.id && usable(p, options)) ||
        (options.anyAdapter === true && p.installation?.status !== 'destroyed')),
  );

  const paths: DockingPath[] = [];
  interface State {
    readonly chaserFace: FaceRef;
    readonly matings: Mating[];
    readonly used: string[];
  }
  let frontier: State[] = rescuer.dockingFaces
    .filter((f) => !f.berthingOnly)
    .map((face) => ({ chaserFace: { passportId: rescuer.id, face }, matings: [], used: [] }));
  for (let depth = 0; depth <= 3 && frontier.length > 0; depth++) {
    const next: State[] = [];
    for (const state of frontier) {
      for (const t of freeTargetFaces) {
        const m = evaluateMating(state.chaserFace, t);
        const matings = [...state.matings, m];
        paths.push({
          matings,
          carriedAdapters: state.used,
          installedChain: stackChain.get(t.passportId) ?? [],
          targetFace: t,
          status: worstStatus(matings.map(matingStatus)),
        });
      }
      for (const adapter of insertable) {
        if (state.used.includes(adapter.id)) continue;
        adapter.dockingFaces.forEach((face, i) => {
          const other = adapter.dockingFaces[1 - i];
          if (!other) return;
          const m = evaluateMating(state.chaserFace, { passportId: adapter.id, face });
          if (matingStatus(m) === 'fail') return; // dead end: do not extend a failed mating
          next.push({
            chaserFace: { passportId: adapter.id, face: other },
            matings: [...state.matings, m],
            used: [...state.used, adapter.id],
          });
        });
      }
    }
    frontier = next;
  }
  return paths.sort(
    (a, b) => statusRank(a.status) - statusRank(b.status) || a.matings.length - b.matings.length,
  );
}

/** Describe a path for people: `crew-dragon/idss → ida-2/idss (installed on pma-2 → iss)`. */
export function describePath(path: DockingPath): string {
  const hops = path.matings.map((m) => `${faceKey(m.chaser)} → ${faceKey(m.target)}`).join(', ');
  const chain = path.installedChain.length > 0 ? ` (stack: ${path.installedChain.join(' → ')} → target)` : '';
  return `${hops}${chain}`;
}
