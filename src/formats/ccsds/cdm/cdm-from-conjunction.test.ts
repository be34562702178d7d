import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { computePc } from '../../../core/risk/compute-pc.js';
import { cdmConjunctionStates, cdmObjectState, cdmRtnCovariance6, cdmStatedHbrM } from './cdm-conjunction.js';
import { cdmFromConjunction } from './cdm-from-conjunction.js';
import { parseCdmKvn, writeCdmKvn } from './cdm-kvn.js';
import { fieldValue } from './cdm-message.js';

const id = '000025994_conj_000037558_20210324_151047_20210323_154356';
const text = gunzipSync(
  readFileSync(new URL(`../../../../test/fixtures/pc/cara-cdms/${id}.cdm.gz`, import.meta.url)),
).toString('utf8');
const source = parseCdmKvn(text, id).cdm;

describe('CDM from a conjunction', () => {
  it('rebuilds a CARA conjunction (TERRA vs IRIDIUM 33 DEB) whose Pc matches CARA Pc2D 0.021173811560368256', () => {
    expect(source).toBeDefined();
    if (!source) return;
    const [o1, o2] = source.objects;
    if (!o1 || !o2) return;
    const party = (o: typeof o1, synthetic: boolean) => {
      const st = cdmObjectState(o);
      return {
        objectDesignator: fieldValue(o.metadata, 'OBJECT_DESIGNATOR') ?? '',
        objectName: fieldValue(o.metadata, 'OBJECT_NAME') ?? '',
        internationalDesignator: fieldValue(o.metadata, 'INTERNATIONAL_DESIGNATOR') ?? '',
        positionKm: st.positionKm,
        velocityKmS: st.velocityKmS,
        covarianceRtn: cdmRtnCovariance6(o),
        covarianceSynthetic: synthetic,
        covarianceDescription: synthetic ? 'SYNTHETIC covariance (test)' : 'covariance from the CARA CDM',
      };
    };
    const hbrM = cdmStatedHbrM(source) ?? Number.NaN;
    const cdm = cdmFromConjunction({
      messageId: 'CONCORD-TEST-1',
      originator: 'CONCORD',
      creationDateUtc: '2021-03-23T15:43:56.000',
      tcaUtc: fieldValue(source.relativeMetadataData, 'TCA') ?? '',
      frame: 'EME2000',
      missDistanceM: 107.549820241461,
      relativeSpeedMS: 11073.3248738214,
      pc: 0.021173811560368256,
      pcMethod: 'foster',
      hbrM,
      primary: party(o1, false),
      secondary: party(o2, true),
    });
    const back = parseCdmKvn(writeCdmKvn(cdm), 'written.cdm');
    expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
    if (!back.cdm) return;
    expect(fieldValue(back.cdm.relativeMetadataData, 'COLLISION_PROBABILITY_METHOD')).toBe('FOSTER-1992');
    expect(back.cdm.objects[1]?.covarianceMatrix.comments.join(' ')).toContain('SYNTHETIC');
    expect(fieldValue(back.cdm.objects[1]?.metadata ?? back.cdm.header, 'COVARIANCE_METHOD')).toBe('DEFAULT');
    expect(cdmStatedHbrM(back.cdm)).toBe(15);
    const states = cdmConjunctionStates(back.cdm);
    if (!states.ok) throw new Error(states.message);
    const pc = computePc(states.value, hbrM, 'foster');
    if (!pc.ok) throw new Error(pc.message);
    expect(Math.abs(pc.value.result.pc - 0.021173811560368256) / 0.021173811560368256).toBeLessThan(1e-6);
    // Relative position in the primary's RTN frame reproduces the CARA CDM's stated components (rounded to 0.1 m).
    for (const k of ['R', 'T', 'N'] as const) {
      const stated = Number(fieldValue(source.relativeMetadataData, `RELATIVE_POSITION_${k}`));
      const written = Number(fieldValue(back.cdm.relativeMetadataData, `RELATIVE_POSITION_${k}`));
      expect(Math.abs(written - stated)).toBeLessThan(0.6);
    }
  });
});
