import { describe, expect, it } from 'vitest';
import { formatIsoUtc, parseIsoUtc, unixMsFromUtcInstant } from './iso-8601.js';
import { julianDateValue } from './julian-date.js';

describe('ISO-8601 UTC', () => {
  it('parses J2000 noon to JD 2451545.0', () => {
    const r = parseIsoUtc('2000-01-01T12:00:00Z');
    expect(r.ok && julianDateValue(r.value.jd)).toBe(2451545.0);
  });

  it('agrees with Date.UTC on millisecond instants and ignores the local zone', () => {
    const r = parseIsoUtc('2023-10-10T00:00:00.123');
    expect(r.ok).toBe(true);
    if (r.ok) expect(unixMsFromUtcInstant(r.value)).toBeCloseTo(Date.UTC(2023, 9, 10, 0, 0, 0, 123), 3);
  });

  it('keeps microseconds through a parse/format round trip', () => {
    for (const text of [
      '2023-10-09T21:31:36.823584Z',
      '2019-12-31T23:59:59.999999Z',
      '1957-10-04T19:28:34.000001Z',
    ]) {
      const r = parseIsoUtc(text);
      expect(r.ok).toBe(true);
      if (r.ok) expect(formatIsoUtc(r.value)).toBe(text);
    }
  });

  it('parses the CCSDS day-of-year form', () => {
    const a = parseIsoUtc('2023-282T12:00:00Z');
    const b = parseIsoUtc('2023-10-09T12:00:00Z');
    expect(a.ok && b.ok && formatIsoUtc(a.value) === formatIsoUtc(b.value)).toBe(true);
  });

  it('rejects offsets, impossible dates and garbage with a code', () => {
    for (const text of ['2023-10-09T12:00:00+02:00', '2023-02-30T00:00:00Z', 'yesterday', '2023-13-01']) {
      const r = parseIsoUtc(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.code).toBe('INVALID_ISO_8601');
    }
  });
});
