import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isKnown } from '../../src/core/rescue/passport-schema.js';
import { passportCompleteness, validatePassport } from '../../src/core/rescue/passport-validation.js';
import { loadPassportLibrary } from '../../src/edges/io/load-passports.js';

const dir = new URL('../../data/passports/', import.meta.url);
const read = (name: string): unknown => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));

describe('interface passports', () => {
  it('every shipped passport validates and cross-references resolve', () => {
    const { library, issues } = loadPassportLibrary();
    expect(issues).toEqual([]);
    expect(library.passports.length).toBe(readdirSync(dir).filter((f) => f.endsWith('.json')).length);
    // Every vehicle, station, lander and suit of the basis document is present.
    for (const id of [
      'iss',
      'tiangong',
      'gateway',
      'crew-dragon',
      'starliner',
      'orion',
      'soyuz-ms',
      'progress-ms',
      'shenzhou',
      'tianzhou',
      'mengzhou',
      'lanyue',
      'starship-hls',
      'ida-2',
      'ida-3',
      'sokol-kv2',
      'emu',
      'feitian',
    ]) {
      expect(library.byId.has(id), id).toBe(true);
    }
  });

  it('keeps unknowns unknown: no IDSIS number and no pressure-change rate is invented (basis §2.5, §8.4)', () => {
    const { library } = loadPassportLibrary();
    for (const p of library.passports) {
      if (p.atmosphere) expect(isKnown(p.atmosphere.maxPressureChangeRateKpaPerMin), p.id).toBe(false);
      if (p.interfaceTransfer) expect(isKnown(p.interfaceTransfer.powerBusVoltageV), p.id).toBe(false);
    }
  });

  it('carries the published figures of the basis with their confidence', () => {
    const tiangong = validatePassport(read('tiangong.json'), 'tiangong.json');
    if (!tiangong.ok) throw new Error(tiangong.message);
    const port = tiangong.value.dockingFaces[0];
    expect(port?.captureEnvelope).toMatchObject({
      confidence: 'published',
      value: { axialRateMaxMps: 0.18 },
    });
    const shenzhou = validatePassport(read('shenzhou.json'), 'shenzhou.json');
    if (!shenzhou.ok) throw new Error(shenzhou.message);
    expect(shenzhou.value.launch?.standbyReadinessDays).toMatchObject({ value: { min: 8.5, max: 16 } });
  });

  it('rejects a bad passport naming file and field', () => {
    const bad = structuredClone(read('crew-dragon.json')) as Record<string, unknown>;
    (bad['crew'] as Record<string, unknown>)['seats'] = { value: 4, source: 'x', confidence: 'probably' };
    const r = validatePassport(bad, 'crew-dragon.json');
    expect(r.ok).toBe(false);
    expect(r.issues.some((i) => i.field === '/crew/seats/confidence' && i.file === 'crew-dragon.json')).toBe(
      true,
    );
    const guessed = structuredClone(read('crew-dragon.json')) as Record<string, unknown>;
    guessed['landing'] = { value: 'sea' }; // a value without source and confidence is a guess
    expect(validatePassport(guessed, 'g.json').ok).toBe(false);
    const future = { ...(read('iss.json') as object), schemaVersion: '9.0' };
    const v = validatePassport(future, 'iss.json');
    expect(v.ok ? '' : v.code).toBe('PASSPORT_INVALID');
    expect(v.issues[0]?.code).toBe('PASSPORT_SCHEMA_VERSION');
  });

  it('reports completeness as known/total facts', () => {
    const r = validatePassport(read('shenzhou.json'), 's.json');
    if (!r.ok) throw new Error(r.message);
    const c = passportCompleteness(r.value);
    expect(c.known).toBeGreaterThan(10);
    expect(c.known).toBeLessThan(c.total);
  });
});
