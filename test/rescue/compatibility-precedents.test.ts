import { describe, expect, it } from 'vitest';
import {
  type CompatibilityOptions,
  checkCompatibility,
  intersectEnvelopes,
} from '../../src/core/rescue/compatibility.js';
import { loadPassportLibrary } from '../../src/edges/io/load-passports.js';

// Expected outcomes: rescue basis §5.6 (E1–E12) and §5.4 (Apollo–Soyuz). Passports: data/passports.
const { library } = loadPassportLibrary();
function run(rescuer: string, distressed: string, options: CompatibilityOptions = {}) {
  const r = library.byId.get(rescuer);
  const d = library.byId.get(distressed);
  if (!r || !d) throw new Error(`missing passport ${rescuer} or ${distressed}`);
  const report = checkCompatibility(r, d, library, options);
  const c = (id: string) => {
    const found = report.checks.find((x) => x.id === id);
    if (!found) throw new Error(`no check ${id}`);
    return found;
  };
  return { report, c };
}

describe('compatibility precedents (basis §5.6)', () => {
  it('E1: standby Shenzhou → Tiangong: same family (A3), roles and reachability pass', () => {
    const { c } = run('shenzhou', 'tiangong');
    expect(c('C1').status).toBe('pass');
    expect(c('C2').status).toBe('pass');
    expect(c('C12').status).toBe('pass');
    expect(c('C10').reasons[0]).toBe('3 seats for 3 crew');
  });

  it('E2: Soyuz MS from Baikonur → Tiangong: C12 fails on the launch plane, C1 fails (SSVP ↔ CDM)', () => {
    const { report, c } = run('soyuz-ms', 'tiangong');
    expect(report.compatible).toBe('no');
    expect(c('C12').status).toBe('fail');
    expect(c('C12').reasons.join(' ')).toMatch(
      /45\.96 deg > target inclination 41\.47 deg; plane change Δi ≥ 4\.49 deg ≈ 0\.60 km\/s at 390 km.*10\.13 deg ≈ 1\.36 km\/s/,
    );
    expect(c('C1').status).toBe('fail');
    expect(c('C1').missingPieces).toContain('adapter SSVP ↔ CDM: none exists');
  });

  it('E4: Crew Dragon ↔ Starliner fail the roles check (active-only ↔ active-only)', () => {
    for (const [a, b] of [
      ['crew-dragon', 'starliner'],
      ['starliner', 'crew-dragon'],
    ] as const) {
      const { report, c } = run(a, b);
      expect(c('C1').status).toBe('pass');
      expect(c('C2').status).toBe('fail');
      expect(c('C2').missingPieces).toContain('two-sided passive adapter (none exists)');
      expect(report.compatible).toBe('no');
    }
  });

  it('E5: Shenzhou to an ISS port is unknown, not pass; the launch plane is reachable', () => {
    // Three crew (one lifeboat's worth): with the whole ISS crew of 7, C10 fails on seats (3 < 7) instead.
    const { report, c } = run('shenzhou', 'iss', { crewToRescue: 3 });
    expect(report.compatible).toBe('unknown');
    expect(run('shenzhou', 'iss').c('C10').status).toBe('fail');
    expect(c('C1').status).toBe('unknown');
    expect(c('C3').status).toBe('unknown');
    for (const id of ['C6', 'C7', 'C8', 'C9']) expect(c(id).status).toBe('unknown');
    expect(c('C12').status).toBe('pass');
    // Even aimed at an SSVP port it never passes.
    expect(run('shenzhou', 'iss', { targetFace: 'iss/poisk-zenith' }).c('C1').status).toBe('fail');
  });

  it('E6: Crew Dragon to ISS passes C1 through IDA-2 or IDA-3 (chain A1, found by graph search)', () => {
    const { report, c } = run('crew-dragon', 'iss');
    expect(c('C1').status).toBe('pass');
    expect(c('C2').status).toBe('pass');
    const req = c('C1').requires.join(' ');
    expect(req).toContain('International Docking Adapter 2 (IDA-2) → Pressurized Mating Adapter 2 (PMA-2)');
    expect(req).toContain('OR International Docking Adapter 3 (IDA-3)');
    expect(report.paths).toHaveLength(2);
    // With both IDAs occupied there is no free compatible port.
    const full = run('crew-dragon', 'iss', { occupiedFaces: ['ida-2/idss', 'ida-3/idss'] });
    expect(full.c('C4').status).toBe('fail');
  });

  it('E7: Crew Dragon to a Russian SSVP port fails (no IDSS ↔ SSVP adapter)', () => {
    const { c } = run('crew-dragon', 'iss', { targetFace: 'iss/poisk-zenith' });
    expect(c('C1').status).toBe('fail');
    expect(c('C1').missingPieces).toContain('adapter IDSS ↔ SSVP: none exists');
  });

  it('E8: Soyuz MS to ISS from Baikonur passes (45.96 ≤ 51.64, chain A2)', () => {
    const { c } = run('soyuz-ms', 'iss');
    expect(c('C1').status).toBe('pass');
    expect(c('C2').status).toBe('pass');
    expect(c('C12').status).toBe('pass');
    expect(c('C5').status).toBe('pass');
  });

  it('E9: Crew Dragon to Tiangong: C1 unknown, C12 pass, overall unknown', () => {
    const { report, c } = run('crew-dragon', 'tiangong');
    expect(c('C1').status).toBe('unknown');
    expect(c('C12').status).toBe('pass');
    expect(report.compatible).toBe('unknown');
  });

  it('Apollo–Soyuz (§5.4): C1 passes requiring the Docking Module; C5 passes with an airlock schedule', () => {
    const { c } = run('apollo-csm', 'soyuz-19', { includeHistorical: true });
    expect(c('C1').status).toBe('pass');
    expect(c('C1').requires.join(' ')).toContain('ASTP Docking Module');
    expect(c('C5').status).toBe('pass');
    expect(c('C5').requires).toContain('airlock pressure schedule');
    expect(c('C5').requires.join(' ')).toContain('Soyuz lowered its cabin to about 2/3 atm (about 68 kPa)');
    // Without historical hardware the adapter is not available and the pair fails C1.
    expect(run('apollo-csm', 'soyuz-19').c('C1').status).toBe('fail');
  });

  it('Chinese mechanism ∩ IDSS contact envelope equals the basis §2.2 derived column', () => {
    const cdm = library.byId.get('tiangong')?.dockingFaces[0]?.captureEnvelope;
    const idss = library.byId.get('ida-2')?.dockingFaces[0]?.captureEnvelope;
    if (!cdm || !idss || 'unknown' in cdm || 'unknown' in idss) throw new Error('envelopes missing');
    expect(intersectEnvelopes(cdm.value, idss.value)).toEqual({
      axialRateMinMps: 0.08,
      axialRateMaxMps: 0.1,
      lateralRateMaxMps: 0.04,
      lateralMisalignmentMaxM: 0.1,
      pitchYawMisalignmentMaxDeg: 3,
      rollMisalignmentMaxDeg: 4,
      pitchYawRateMaxDegS: 0.2,
      rollRateMaxDegS: 0.2,
    });
  });

  it('an unverified fact never yields a silent pass: Orion → Gateway stays unknown on roles', () => {
    const { c } = run('orion', 'gateway');
    expect(c('C2').status).toBe('unknown');
  });
});
