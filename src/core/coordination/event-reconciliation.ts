/**
 * Continuous screening keeps one conjunction event per close approach of a pair across re-screens. A new screening
 * result is reconciled with the open events it covers: each detection either continues an event (same pair, TCA
 * within the tolerance, nearest first, one-to-one) or starts a new one; an open event of the covered scope whose
 * TCA lies inside the screened window and that nothing continues is cleared (no longer within the threshold).
 * A detection that continues an event already closed (its TCA passed) changes nothing: the approach is over, and a
 * re-screen of a window that starts in the past must not open it again. Every change is an alert. Times are Unix
 * milliseconds UTC, distances km.
 */

/** An event as stored: the latest version's values. */
export interface TrackedEvent {
  readonly id: number;
  /** Lower catalog number of the pair. */
  readonly primaryNorad: number;
  readonly secondaryNorad: number;
  readonly tcaUnixMs: number;
  readonly missKm: number;
  readonly pc: number | null;
  readonly version: number;
}

/** One close approach found by a screening, pair ordered (primaryNorad < secondaryNorad). */
export interface Detection {
  readonly primaryNorad: number;
  readonly secondaryNorad: number;
  readonly tcaUnixMs: number;
  readonly missKm: number;
  readonly pc: number | null;
}

export interface Reconciliation<D extends Detection> {
  readonly created: readonly D[];
  /** Detections that continue an event with different values (a new version). */
  readonly updated: readonly { readonly event: TrackedEvent; readonly detection: D }[];
  /** Detections that continue an event with the same values (no new version, no alert). */
  readonly unchanged: readonly { readonly event: TrackedEvent; readonly detection: D }[];
  readonly cleared: readonly TrackedEvent[];
  /** Detections that continue a closed event: nothing to write. */
  readonly closed: readonly { readonly event: TrackedEvent; readonly detection: D }[];
}

/**
 * Two minima of the same pair are the same approach when their TCAs differ by less than this: TCA estimates from
 * successive element sets move by seconds to about a minute, while distinct approaches of a pair are at least
 * about half an orbit apart (≥ 40 min in LEO).
 */
export const EVENT_IDENTITY_TOLERANCE_MS = 10 * 60 * 1000;

/** A continuation is a new version when TCA moves by more than 1 ms, the miss by more than 1 mm, or the Pc changes. */
export function eventChanged(event: TrackedEvent, detection: Detection): boolean {
  if (Math.abs(event.tcaUnixMs - detection.tcaUnixMs) > 1) return true;
  if (Math.abs(event.missKm - detection.missKm) > 1e-6) return true;
  if ((event.pc === null) !== (detection.pc === null)) return true;
  if (event.pc !== null && detection.pc !== null) {
    const scale = Math.max(Math.abs(event.pc), Math.abs(detection.pc));
    if (scale > 0 && Math.abs(event.pc - detection.pc) / scale > 1e-6) return true;
  }
  return false;
}

function pairKey(primary: number, secondary: number): string {
  return `${primary}:${secondary}`;
}

/**
 * Link detections to events one-to-one: same pair, TCAs closer than the tolerance, the nearest continuation first
 * (ties by event id, then detection order). Detections already in `taken` are left alone.
 */
function linkDetections(
  events: readonly TrackedEvent[],
  detections: readonly Detection[],
  taken: ReadonlyMap<number, TrackedEvent>,
  toleranceMs: number,
): Map<number, TrackedEvent> {
  const byPair = new Map<string, TrackedEvent[]>();
  for (const e of events) {
    const key = pairKey(e.primaryNorad, e.secondaryNorad);
    const list = byPair.get(key);
    if (list) list.push(e);
    else byPair.set(key, [e]);
  }
  const links: { event: TrackedEvent; detection: number; dt: number }[] = [];
  detections.forEach((d, index) => {
    if (taken.has(index)) return;
    for (const e of byPair.get(pairKey(d.primaryNorad, d.secondaryNorad)) ?? []) {
      const dt = Math.abs(e.tcaUnixMs - d.tcaUnixMs);
      if (dt < toleranceMs) links.push({ event: e, detection: index, dt });
    }
  });
  links.sort((a, b) => a.dt - b.dt || a.event.id - b.event.id || a.detection - b.detection);
  const claimed = new Set<number>();
  const linked = new Map<number, TrackedEvent>();
  for (const link of links) {
    if (claimed.has(link.event.id) || linked.has(link.detection)) continue;
    claimed.add(link.event.id);
    linked.set(link.detection, link.event);
  }
  return linked;
}

/**
 * Reconcile detections with the open events of the screened scope (events of the screened window that involve a
 * screened primary, or all of them for a full screening) and with its closed events (those a detection may
 * continue: TCA within the tolerance of the window). `unscreened` names the open events of the window whose pair
 * was not screened at their TCA (a primary given by an ephemeris with a gap there): not finding them again says
 * nothing, so they are not cleared.
 */
export function reconcileEvents<D extends Detection>(
  openEvents: readonly TrackedEvent[],
  detections: readonly D[],
  windowStartUnixMs: number,
  windowEndUnixMs: number,
  toleranceMs: number = EVENT_IDENTITY_TOLERANCE_MS,
  closedEvents: readonly TrackedEvent[] = [],
  unscreened: (event: TrackedEvent) => boolean = () => false,
): Reconciliation<D> {
  const toOpen = linkDetections(openEvents, detections, new Map(), toleranceMs);
  const toClosed = linkDetections(closedEvents, detections, toOpen, toleranceMs);
  const claimed = new Set([...toOpen.values()].map((e) => e.id));
  const created: D[] = [];
  const updated: { event: TrackedEvent; detection: D }[] = [];
  const unchanged: { event: TrackedEvent; detection: D }[] = [];
  const closed: { event: TrackedEvent; detection: D }[] = [];
  detections.forEach((d, index) => {
    const event = toOpen.get(index);
    const over = toClosed.get(index);
    if (event) {
      if (eventChanged(event, d)) updated.push({ event, detection: d });
      else unchanged.push({ event, detection: d });
    } else if (over) closed.push({ event: over, detection: d });
    else created.push(d);
  });
  const cleared = openEvents.filter(
    (e) =>
      !claimed.has(e.id) &&
      e.tcaUnixMs >= windowStartUnixMs &&
      e.tcaUnixMs <= windowEndUnixMs &&
      !unscreened(e),
  );
  return { created, updated, unchanged, cleared, closed };
}

/** Open events whose TCA has passed are closed (the approach is over). */
export function eventsToClose<E extends { readonly tcaUnixMs: number }>(
  openEvents: readonly E[],
  nowUnixMs: number,
): E[] {
  return openEvents.filter((e) => e.tcaUnixMs < nowUnixMs);
}
