import { describe, expect, it } from 'vitest';
import type { Passport } from '../../src/core/rescue/passport-schema.js';
import { planRescue, seatCoverage } from '../../src/core/rescue/rescue-planner.js';
import { parseIsoUtc } from '../../src/core/time/iso-8601.js';
import { daysBetween } from '../../src/core/time/julian-date.js';
import { loadPassportLibrary } from '../../src/edges/io/load-passports.js';

const { library } = loadPassportLibrary();
const utc = (s: string) => {
  const r = parseIsoUtc(s);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};
const hours = (a: string, b: string) => daysBetween(utc(a).jd, utc(b).jd) * 24;
const passport = (id: string): Passport => {
  const p = library.byId.get(id);
  if (!p) throw new Error(id);
  return p;
};

describe('rescue planner precedents (basis §5.6)', () => {
  // Shenzhou-20 window damage announced 5 Nov 2025 (BJT); a crew margin of 30 days.
  const at = '2025-11-05T00:00:00Z';
  const plan = planRescue(
    { distressed: passport('tiangong'), at: utc(at), marginHours: 30 * 24, crewToRescue: 3 },
    library,
  );

  it('E1: finds the standby uncrewed Shenzhou from Jiuquan feasible for a Tiangong crew', () => {
    const sz = plan.find((o) => o.rescuer === 'shenzhou');
    expect(sz?.feasible).toBe(true);
    expect(plan[0]?.rescuer).toBe('shenzhou'); // ranked first
    // Arrival ≈ readiness (8.5 to 16 days) + window wait (≤ 1 day) + about 3.5 h.
    const h = hours(at, sz?.arrival ?? '');
    expect(h).toBeGreaterThanOrEqual(8.5 * 24 + 3.5);
    expect(h).toBeLessThanOrEqual(8.5 * 24 + 24 + 3.5);
    expect(hours(at, sz?.arrivalLatest ?? '')).toBeLessThanOrEqual(16 * 24 + 24 + 3.5);
  });

  it('E2: rejects Soyuz from Baikonur on the launch-plane constraint with the plane-change Δv', () => {
    const soyuz = plan.find((o) => o.rescuer === 'soyuz-ms');
    expect(soyuz?.feasible).toBe(false);
    expect(soyuz?.assessment).toBe('infeasible');
    expect(soyuz?.reasons[0]).toMatch(
      /^launch plane: Baikonur Site 31\/6 at 45\.96 deg > target inclination 41\.47 deg/,
    );
    expect(soyuz?.reasons.join(' ')).toMatch(/C1 mechanism family fails/);
  });

  it('a margin shorter than readiness makes the Shenzhou standby infeasible, with the reason', () => {
    const short = planRescue(
      { distressed: passport('tiangong'), at: utc(at), marginHours: 72, crewToRescue: 3 },
      library,
    );
    const sz = short.find((o) => o.rescuer === 'shenzhou');
    expect(sz?.feasible).toBe(false);
    expect(sz?.reasons[0]).toMatch(/after the crew margin ends/);
  });

  it('E10: a Vostochny launch to the ISS plane reports the ≈ 33 m/s out-of-plane steering, not a silent pass', () => {
    const soyuz = passport('soyuz-ms');
    const baikonur = soyuz.launch?.sites[0];
    if (!soyuz.launch || !baikonur) throw new Error('soyuz launch data');
    const vostochny = {
      ...baikonur,
      id: 'vostochny',
      name: 'Vostochny',
      latitudeDeg: { value: 51.88, source: 'rescue basis §3.1', confidence: 'secondary' as const },
      minInclinationDeg: { unknown: true as const, reason: 'n/a' },
    };
    const variant: Passport = {
      ...soyuz,
      id: 'soyuz-vostochny',
      launch: { ...soyuz.launch, sites: [vostochny] },
    };
    const lib = {
      passports: [...library.passports, variant],
      byId: new Map([...library.byId, [variant.id, variant]]),
    };
    const opts = planRescue(
      { distressed: passport('iss'), at: utc(at), marginHours: 1000, crewToRescue: 3 },
      lib,
    );
    const o = opts.find((x) => x.rescuer === 'soyuz-vostochny');
    expect(o?.assessment).toBe('infeasible');
    expect(o?.reasons[0]).toMatch(/requires out-of-plane steering ≥ 0\.24 deg ≈ 33 m\/s/);
  });

  it('documented launch-to-docking timelines: Soyuz 3 h 03 min, Shenzhou about 3.5 h, Dragon about a day', () => {
    // Soyuz MS to ISS from Baikonur (E8): arrival − window = the two-orbit profile. MS-17: 3 h 03 min 46 s
    // (RSC Energia); tolerance 1 min. Standby readiness is unknown for Soyuz, so time from a hypothetical
    // window is checked through the passport profile used by the planner.
    const soyuzProfile = passport('soyuz-ms').launch?.profiles[0]?.durationHours;
    expect(
      soyuzProfile && 'value' in soyuzProfile
        ? Math.abs(soyuzProfile.value * 60 - (3 * 60 + 3 + 46 / 60))
        : 99,
    ).toBeLessThan(1);
    // Shenzhou: planner arrival − launch window vs Shenzhou-22 (04:11 → 07:50 UTC, 3 h 39 min); tolerance 10 min.
    const sz = plan.find((o) => o.rescuer === 'shenzhou');
    expect(Math.abs(hours(sz?.launchWindow ?? '', sz?.arrival ?? '') * 60 - 219)).toBeLessThan(10);
    // Crew Dragon: "about a day" (Demo-2 18 h 53 min, Crew-9 about 28 h); tolerance ±6 h around 24 h.
    const dragonProfile = passport('crew-dragon').launch?.profiles[0]?.durationHours;
    expect(
      dragonProfile && 'value' in dragonProfile ? Math.abs(dragonProfile.value - 24) : 99,
    ).toBeLessThanOrEqual(6);
  });

  it('E9/cross-plane: Crew Dragon from Florida to Tiangong is never feasible (C1 unknown, readiness unknown)', () => {
    const dragon = plan.filter((o) => o.rescuer === 'crew-dragon');
    expect(dragon.length).toBeGreaterThan(0);
    for (const o of dragon) expect(o.feasible).toBe(false);
  });
});

describe('seat coverage precedents', () => {
  it('E11: MS-22 seats flagged emergency-only; after the liner move coverage is 7/7', () => {
    const before = seatCoverage(7, [
      { passportId: 'crew-dragon', seats: 4, certified: true },
      { passportId: 'soyuz-ms', seats: 3, certified: false },
    ]);
    expect(before).toMatchObject({ certifiedSeats: 4, emergencyOnlySeats: 3, minimumPhase: 'ALERFA' });
    const after = seatCoverage(7, [
      { passportId: 'crew-dragon', seats: 5, certified: true },
      { passportId: 'soyuz-ms', seats: 2, certified: false },
    ]);
    expect(after.totalSeats).toBe(7);
    expect(after.covered).toBe(true);
    expect(after.emergencyOnlySeats).toBe(2);
  });
  it('E12: Tiangong 14–25 Nov 2025: crew 3, certified return seats 0, phase at least ALERFA', () => {
    const c = seatCoverage(3, []);
    expect(c).toMatchObject({ certifiedSeats: 0, covered: false, minimumPhase: 'ALERFA' });
  });
  it('E5.5 ISS safe haven 2021: 4 in Crew Dragon + 3 in Soyuz MS-19 = every crew member seated', () => {
    expect(
      seatCoverage(7, [
        { passportId: 'crew-dragon', seats: 4, certified: true },
        { passportId: 'soyuz-ms', seats: 3, certified: true },
      ]),
    ).toMatchObject({ certifiedSeats: 7, covered: true, minimumPhase: 'none' });
  });
});
