import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unixMsFromUtcInstant } from '../src/core/time/iso-8601.js';
import { writeFileAtomic } from '../src/edges/io/atomic-write.js';
import { cdmStatedHbrM, cdmTca } from '../src/formats/ccsds/cdm/cdm-conjunction.js';
import { parseCdmKvn } from '../src/formats/ccsds/cdm/cdm-kvn.js';
import { fieldValue } from '../src/formats/ccsds/cdm/cdm-message.js';
import { REPO_ROOT, type ConcordRun as Run, runConcord } from './run-concord.js';
import { ISS_NEIGHBOURS, sample3le } from './screening/sample-3le.js';

// End to end, as a user runs it: the built CLI on a 12-object sub-catalog of the bundled 2023 sample, 12 h.
const root = REPO_ROOT;
const tmp = mkdtempSync(join(tmpdir(), 'concord-cdm-dir-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const catalog = join(tmp, 'iss-neighbours.3le');
writeFileSync(catalog, sample3le(ISS_NEIGHBOURS));

const concord = (...args: string[]) => runConcord(root, ...args);

const WINDOW = ['--start', '2023-10-09T12:00:00Z', '--end', '2023-10-10T00:00:00Z', '--threshold-km', '25'];

describe('concord screen --cdm-dir', () => {
  const dir = join(tmp, 'cdms');
  const d2 = join(tmp, 'cdms-hbr');
  const notADir = join(tmp, 'not-a-dir');
  writeFileSync(notADir, 'x');
  let run: Run;
  let hbr: Run;
  let refused: Run;
  // biome-ignore lint/suspicious/noExplicitAny: the JSON document of the CLI
  let doc: any;
  beforeAll(async () => {
    const primary = ['--primary', '25544'];
    [run, hbr, refused] = await Promise.all([
      concord(
        'screen',
        catalog,
        ...WINDOW,
        ...primary,
        '--format',
        'json',
        '--cdm-dir',
        dir,
        '--workers',
        '1',
      ),
      concord('screen', catalog, ...WINDOW, ...primary, '--cdm-dir', d2, '--hbr-m', '20', '--workers', '1'),
      concord('screen', catalog, ...WINDOW, ...primary, '--cdm-dir', notADir),
    ]);
    doc = run.code === 0 ? JSON.parse(run.stdout) : undefined;
  }, 30_000);

  it('writes one CDM per conjunction, named <id1>_<id2>_<TCA>.cdm, and no temporary file', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(doc.conjunctions.length).toBe(6);
    expect(doc.stats.cdms_written).toBe(6);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(doc.conjunctions.map((c: { cdm_file: string }) => c.cdm_file).sort());
    expect(files).toContain('25544_3558_20231009T183713.879Z.cdm');
    for (const f of files) expect(f).toMatch(/^[A-Za-z0-9-]+_[A-Za-z0-9-]+_\d{8}T\d{6}\.\d{3}Z\.cdm$/);
    // Docked vehicles are persistent proximities, reported once in the output, not conjunctions with a TCA.
    expect(doc.persistent.length).toBe(2);
  });

  it('every CDM parses back with the project reader; TCA and miss match the screening JSON', () => {
    for (const c of doc.conjunctions) {
      const parsed = parseCdmKvn(readFileSync(join(dir, c.cdm_file), 'utf8'), c.cdm_file);
      expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
      const cdm = parsed.cdm;
      if (!cdm) throw new Error(`${c.cdm_file} did not parse`);
      const tca = cdmTca(cdm);
      if (!tca) throw new Error('no TCA');
      // JSON TCAs are rounded to the millisecond, CDM TCAs keep microseconds; misses are km to 6 decimals.
      expect(Math.abs(unixMsFromUtcInstant(tca) - Date.parse(c.tca))).toBeLessThanOrEqual(0.5);
      const missM = Number(fieldValue(cdm.relativeMetadataData, 'MISS_DISTANCE'));
      expect(Math.abs(missM - c.miss_km * 1000)).toBeLessThan(0.001);
      expect(Number(fieldValue(cdm.relativeMetadataData, 'RELATIVE_SPEED'))).toBeCloseTo(
        c.rel_speed_km_s * 1000,
        2,
      );
      const [o1, o2] = cdm.objects;
      expect(fieldValue(o1?.metadata ?? cdm.header, 'OBJECT_DESIGNATOR')).toBe(String(Number(c.id1)));
      expect(fieldValue(o2?.metadata ?? cdm.header, 'OBJECT_DESIGNATOR')).toBe(String(Number(c.id2)));
      // States at TCA: the separation of the two written positions is the stated miss distance.
      const position = (o: typeof o1) =>
        ['X', 'Y', 'Z'].map((k) => Number(fieldValue(o?.stateVector ?? cdm.header, k)));
      const p1 = position(o1);
      const p2 = position(o2);
      const separationM = Math.hypot(...p1.map((v, k) => (v - (p2[k] ?? 0)) * 1000));
      expect(Math.abs(separationM - missM)).toBeLessThan(0.01);
      expect(Number(fieldValue(cdm.relativeMetadataData, 'COLLISION_PROBABILITY'))).toBeGreaterThanOrEqual(0);
      expect(fieldValue(cdm.relativeMetadataData, 'COLLISION_PROBABILITY_METHOD')).toBe('FOSTER-1992');
      expect(cdmStatedHbrM(cdm)).toBeGreaterThan(0);
      expect(cdm.relativeMetadataData.comments.join('\n')).toMatch(/HBR source: /);
      for (const o of cdm.objects) {
        expect(fieldValue(o.metadata, 'COVARIANCE_METHOD')).toBe('DEFAULT');
        expect(o.covarianceMatrix.comments.join(' ')).toMatch(/SYNTHETIC/);
        expect(o.covarianceMatrix.fields).toHaveLength(21);
      }
    }
  });

  it('--hbr-m sets the combined radius and says it was given', () => {
    const r = hbr;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`6 CDM(s) written to ${d2}`);
    const first = readdirSync(d2)[0] ?? '';
    const cdm = parseCdmKvn(readFileSync(join(d2, first), 'utf8'), first).cdm;
    expect(cdm && cdmStatedHbrM(cdm)).toBe(20);
    expect(cdm?.relativeMetadataData.comments.join('\n')).toMatch(
      /HBR source: combined radius given by the user/,
    );
  });

  it('a --cdm-dir that is a file is refused before screening, nothing written', () => {
    const r = refused;
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--cdm-dir: ${notADir} is a file, not a directory [BAD_OPTION]`);
    expect(readFileSync(notADir, 'utf8')).toBe('x');
  });
});

describe('atomic file writes', () => {
  it('a write that cannot complete leaves neither the target nor a temporary file', () => {
    const dir = join(tmp, 'atomic');
    mkdirSync(dir);
    // The target is a non-empty directory: the rename fails after the temporary file was written.
    const target = join(dir, 'x.cdm');
    mkdirSync(target);
    writeFileSync(join(target, 'keep'), 'k');
    expect(() => writeFileAtomic(target, 'text')).toThrow();
    expect(readdirSync(dir)).toEqual(['x.cdm']);
    expect(existsSync(join(target, 'keep'))).toBe(true);
    writeFileAtomic(join(dir, 'y.cdm'), 'whole');
    expect(readFileSync(join(dir, 'y.cdm'), 'utf8')).toBe('whole');
    expect(readdirSync(dir).sort()).toEqual(['x.cdm', 'y.cdm']);
  });
});
