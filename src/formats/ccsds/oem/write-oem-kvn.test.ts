import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOemKvn } from './oem-kvn.js';
import { writeOemKvn } from './write-oem-kvn.js';

const dir = new URL('../../../../test/fixtures/ccsds/oem/', import.meta.url);
const samples = readdirSync(dir)
  .filter((n) => /\.(txt|oem)$/.test(n))
  .filter((n) => parseOemKvn(readFileSync(new URL(n, dir), 'utf8'), n).oem !== undefined);

describe('OEM KVN writer', () => {
  it.each(samples)('%s reads back to the same message', (name) => {
    const first = parseOemKvn(readFileSync(new URL(name, dir), 'utf8'), name).oem;
    const again = parseOemKvn(writeOemKvn(first as NonNullable<typeof first>), name);
    expect(again.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const strip = (o: typeof first) =>
      o?.segments.map((s) => ({
        fields: s.metadata.fields,
        interpolation: s.metadata.interpolation,
        states: s.states.map((x) => [
          x.epoch,
          x.tSeconds,
          [...x.positionKm],
          [...x.velocityKmS],
          [...(x.accelerationKmS2 ?? [])],
        ]),
        covariances: s.covariances.map((c) => [c.epoch, c.refFrame, [...c.covariance]]),
      }));
    expect(strip(again.oem)).toEqual(strip(first));
    expect(again.oem?.header.fields).toEqual(first?.header.fields);
  });
});
