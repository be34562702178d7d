import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CdmParseResult } from './cdm-builder.js';
import { parseCdmJson, writeCdmJson } from './cdm-json.js';
import { parseCdmKvn, writeCdmKvn } from './cdm-kvn.js';
import type { Cdm, CdmPart } from './cdm-message.js';
import { parseCdmXml, writeCdmXml } from './cdm-xml.js';

const dir = new URL('../../../../test/fixtures/ccsds/cdm/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const parse = (name: string): CdmParseResult =>
  name.endsWith('.xml') ? parseCdmXml(read(name), name) : parseCdmKvn(read(name), name);

/** Orekit's negative CDM samples and the issue each must raise (keyword, 1-based line where Orekit names it). */
const NEGATIVE: Record<string, { code: string; field: string; line?: number }> = {
  'CDM-covariance-wrong-entry-format.txt': { code: 'CDM_NOT_A_NUMBER', field: 'CRDOT_T', line: 65 },
  'CDM-missing-TCA.txt': { code: 'CDM_MISSING_KEYWORD', field: 'TCA' },
  'CDM-missing-object1-covariance-block.xml': { code: 'CDM_MISSING_COVARIANCE', field: 'CR_R' },
  'CDM-missing-object2-state-vector.txt': { code: 'CDM_MISSING_KEYWORD', field: 'X' },
  'CDM-wrong-key-word.txt': { code: 'CDM_UNKNOWN_KEYWORD', field: 'WRONG_KEYWORD', line: 6 },
  'CDMExample1InvalidTca.txt': { code: 'CDM_BAD_EPOCH', field: 'TCA', line: 5 },
  // X carries nil="true": a mandatory state-vector value without content.
  'CDMExample_issue1319_mandatory_empty_value.xml': { code: 'CDM_EMPTY_VALUE', field: 'X' },
};

const all = readdirSync(dir).filter((n) => /\.(txt|xml|cdm)$/.test(n));
const positive = all.filter((n) => !(n in NEGATIVE));

/** Every (part, keyword, value) and comment of a message, for lossless comparisons. */
function valueSet(cdm: Cdm): string[] {
  const out: string[] = [];
  const add = (where: string, part: CdmPart) => {
    for (const c of part.comments) out.push(`${where}/${part.part}/COMMENT=${c}`);
    for (const f of part.fields) out.push(`${where}/${part.part}/${f.keyword}=${f.value}`);
  };
  add('h', cdm.header);
  add('r', cdm.relativeMetadataData);
  cdm.objects.forEach((o, i) => {
    for (const p of Object.values(o)) add(`o${i + 1}`, p);
  });
  return out.sort();
}

describe('Orekit CDM samples', () => {
  it('has the 39 samples (32 positive, 7 negative)', () => {
    expect(all).toHaveLength(39);
    expect(positive).toHaveLength(32);
  });

  it.each(positive)('parses %s', (name) => {
    const result = parse(name);
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.cdm?.objects).toHaveLength(2);
  });

  it.each(Object.entries(NEGATIVE))('rejects %s with a clear message', (name, expected) => {
    const result = parse(name);
    expect(result.cdm).toBeUndefined();
    const issue = result.issues.find((i) => i.code === expected.code && i.field === expected.field);
    expect(issue, JSON.stringify(result.issues)).toBeDefined();
    if (expected.line !== undefined) expect(issue?.line).toBe(expected.line);
    expect(issue?.file).toBe(name);
    expect(issue?.message).toContain(expected.field);
  });

  it.each(positive)('round-trips %s through KVN, XML and JSON without losing a value', (name) => {
    const original = parse(name).cdm;
    expect(original).toBeDefined();
    if (!original) return;
    const viaXml = parseCdmXml(writeCdmXml(original), 'rt.xml');
    expect(viaXml.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const back = viaXml.cdm && parseCdmKvn(writeCdmKvn(viaXml.cdm), 'rt.txt');
    expect(back?.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const final = back?.cdm;
    expect(final && valueSet(final)).toEqual(valueSet(original));
    const viaJson = parseCdmJson(writeCdmJson(original), 'rt.json').cdm;
    // JSON numbers are canonical (1.0 -> 1), so compare numerically there.
    expect(viaJson?.objects[1]?.stateVector.fields.map((f) => Number(f.value))).toEqual(
      original.objects[1]?.stateVector.fields.map((f) => Number(f.value)),
    );
  });
});
