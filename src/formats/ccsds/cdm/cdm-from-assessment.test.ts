import { describe, expect, it } from 'vitest';
import { assessConjunction } from '../../../core/risk/conjunction-assessment.js';
import { parseTle } from '../../tle/parse-tle.js';
import { cdmConjunctionStates, cdmStatedHbrM, cdmTca } from './cdm-conjunction.js';
import { ccsdsEpochFromUnixMs, cdmFromAssessment } from './cdm-from-assessment.js';
import { parseCdmKvn, writeCdmKvn } from './cdm-kvn.js';
import { fieldValue } from './cdm-message.js';

const TLE = [
  'ISS (ZARYA)',
  '1 25544U 98067A   23282.71486326  .00020100  00000-0  35938-3 0  9998',
  '2 25544  51.6410 121.2575 0005123  92.3190 358.8196 15.49983917419557',
  'COSMOS 252 DEB',
  '1  3558U 68097L   23282.75389827  .00126230  00000-0  42968-2 0  9992',
  '2  3558  62.1675  38.9182 0131804  93.6911 267.9274 15.21748329794422',
].join('\n');

describe('CDM from a screened conjunction and its assessment', () => {
  const [iss, deb] = parseTle(TLE, 'pair.tle').records;
  const tcaUnixMs = Date.UTC(2023, 9, 9, 18, 37, 13, 879) + 0.25;

  it('carries both states, flagged synthetic covariances, Pc with method and the hard-body radius with its source', () => {
    if (!iss || !deb) throw new Error('fixture');
    const assessment = assessConjunction(iss, deb, tcaUnixMs);
    expect(assessment).toBeDefined();
    const cdm = cdmFromAssessment({
      messageId: 'TEST-1',
      creationUnixMs: Date.UTC(2023, 9, 9),
      tcaUnixMs,
      missKm: 9.299,
      relSpeedKmS: 8.527,
      primary: { designator: '25544', name: 'ISS (ZARYA)', internationalDesignator: '1998-067A' },
      secondary: { designator: '3558', name: 'COSMOS 252 DEB', internationalDesignator: '1968-097L' },
      assessment,
    });
    const text = writeCdmKvn(cdm);
    const back = parseCdmKvn(text, 'test.cdm');
    expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
    if (!back.cdm) return;
    expect(fieldValue(back.cdm.relativeMetadataData, 'TCA')).toBe('2023-10-09T18:37:13.879250');
    expect(cdmTca(back.cdm)).toBeDefined();
    expect(Number(fieldValue(back.cdm.relativeMetadataData, 'MISS_DISTANCE'))).toBe(9299);
    expect(fieldValue(back.cdm.relativeMetadataData, 'COLLISION_PROBABILITY_METHOD')).toBe('FOSTER-1992');
    expect(cdmStatedHbrM(back.cdm)).toBe(10);
    expect(text).toMatch(/COMMENT HBR source: ASSUMED default/);
    expect(text).toMatch(/COMMENT Pc computed with at least one SYNTHETIC covariance/);
    for (const o of back.cdm.objects) {
      expect(fieldValue(o.metadata, 'COVARIANCE_METHOD')).toBe('DEFAULT');
      expect(fieldValue(o.metadata, 'REF_FRAME')).toBe('TEME');
      expect(o.covarianceMatrix.comments.join(' ')).toMatch(/SYNTHETIC COVARIANCE/);
    }
    // The written states and covariances give back the same Pc.
    const states = cdmConjunctionStates(back.cdm);
    expect(states.ok).toBe(true);
  });

  it('writes CCSDS epochs with microseconds and no zone letter', () => {
    expect(ccsdsEpochFromUnixMs(Date.UTC(2023, 0, 1, 0, 0, 0, 5) + 0.0004)).toBe(
      '2023-01-01T00:00:00.005000',
    );
  });
});
