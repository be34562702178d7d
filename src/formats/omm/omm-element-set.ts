import type { ElementSet } from '../../core/orbits/element-set.js';
import { formatIsoUtc } from '../../core/time/iso-8601.js';
import type { UtcInstant } from '../../core/time/time-scale.js';
import type { ParseOutcome, RecordIssue } from '../record-issue.js';
import type { OmmMessage } from './omm-message.js';
import { buildOmmMessage, type OmmRawRecord } from './omm-message-builder.js';

/** Largest catalog number an OMM can carry (NORAD_CAT_ID has up to 9 digits). */
const MAX_NORAD_CAT_ID = 999_999_999;

/**
 * Turn a parsed OMM into Concord's SGP4 element set, or say precisely why SGP4 cannot use it.
 *
 * Accepted: MEAN_ELEMENT_THEORY `SGP4` or `SGP/SGP4`, CENTER_NAME EARTH, REF_FRAME TEME, TIME_SYSTEM UTC,
 * MEAN_MOTION given, NORAD_CAT_ID given. Rejected with `OMM_UNSUPPORTED_THEORY`: any other theory,
 * including SGP4-XP (its BTERM/AGOM elements need the XP propagator; feeding them to SGP4 would be wrong
 * by kilometres). Such messages still parse into `OmmMessage` with the `parse…Messages` functions.
 *
 * OMM defaults for TLE fields the message leaves out: EPHEMERIS_TYPE 0 and CLASSIFICATION_TYPE U (CCSDS
 * 502.0 defaults), ELEMENT_SET_NO 0 and REV_AT_EPOCH 0 (unknown; CCSDS gives no default).
 */
export function elementSetFromOmm(message: OmmMessage): ParseOutcome<ElementSet> {
  const { file, line: startLine } = message.origin;
  const issues: RecordIssue[] = [];
  const lineOf = (keyword: string) => message.keywordLines.get(keyword) ?? startLine;
  const fail = (keyword: string, code: string, text: string) => {
    issues.push({ file, line: lineOf(keyword), field: keyword, code, message: text, severity: 'error' });
  };
  const md = message.metadata;
  const theory = md.meanElementTheory.trim().toUpperCase();
  if (theory === 'SGP4-XP') {
    fail(
      'MEAN_ELEMENT_THEORY',
      'OMM_UNSUPPORTED_THEORY',
      'MEAN_ELEMENT_THEORY SGP4-XP needs the SGP4-XP propagator (BTERM/AGOM); Concord propagates SGP4 only',
    );
  } else if (theory !== 'SGP4' && theory !== 'SGP/SGP4') {
    fail(
      'MEAN_ELEMENT_THEORY',
      'OMM_UNSUPPORTED_THEORY',
      `MEAN_ELEMENT_THEORY '${md.meanElementTheory}' is not SGP4; Concord propagates SGP4 mean elements only`,
    );
  }
  if (md.centerName.trim().toUpperCase() !== 'EARTH') {
    fail(
      'CENTER_NAME',
      'OMM_UNSUPPORTED_CENTER',
      `CENTER_NAME '${md.centerName}' is not EARTH (SGP4 is geocentric)`,
    );
  }
  if (md.refFrame.trim().toUpperCase() !== 'TEME') {
    fail(
      'REF_FRAME',
      'OMM_UNSUPPORTED_FRAME',
      `REF_FRAME '${md.refFrame}' is not TEME (SGP4 elements are TEME)`,
    );
  }
  if (md.timeSystem.trim().toUpperCase() !== 'UTC') {
    fail('TIME_SYSTEM', 'OMM_UNSUPPORTED_TIME_SYSTEM', `TIME_SYSTEM '${md.timeSystem}' is not UTC`);
  }
  const me = message.data.meanElements;
  const tle = message.data.tleParameters;
  if (me.meanMotionRevPerDay === undefined) {
    fail(
      'MEAN_MOTION',
      'OMM_MISSING_KEYWORD',
      'SGP4 element sets need MEAN_MOTION (SEMI_MAJOR_AXIS is not used)',
    );
  }
  if (tle?.noradCatId === undefined || tle.noradCatIdText === undefined) {
    fail('NORAD_CAT_ID', 'OMM_MISSING_KEYWORD', 'NORAD_CAT_ID is required to identify the object');
  } else if (tle.noradCatId < 0 || tle.noradCatId > MAX_NORAD_CAT_ID) {
    fail('NORAD_CAT_ID', 'OMM_VALUE_OUT_OF_RANGE', `NORAD_CAT_ID ${tle.noradCatId} is outside 0..999999999`);
  }
  if (issues.length > 0) return { records: [], issues };

  const range = (keyword: string, value: number, ok: boolean, expected: string) => {
    if (!ok)
      fail(keyword, 'OMM_VALUE_OUT_OF_RANGE', `${keyword} ${value} is out of range: expected ${expected}`);
  };
  const meanMotion = me.meanMotionRevPerDay ?? Number.NaN;
  range('MEAN_MOTION', meanMotion, meanMotion > 0, '> 0 rev/day');
  range('ECCENTRICITY', me.eccentricity, me.eccentricity >= 0 && me.eccentricity < 1, '0 <= e < 1');
  range('INCLINATION', me.inclinationDeg, me.inclinationDeg >= 0 && me.inclinationDeg <= 180, '0..180 deg');
  if (issues.length > 0) return { records: [], issues };

  const epoch: UtcInstant = { scale: 'UTC', jd: me.epochJd };
  const elementSet: ElementSet = {
    catalogId: tle?.noradCatIdText ?? '',
    noradCatId: tle?.noradCatId ?? 0,
    objectName: md.objectName,
    objectId: md.objectId,
    classification: tle?.classificationType ?? 'U',
    epoch,
    epochIso: formatIsoUtc(epoch, 6),
    meanMotionRevPerDay: meanMotion,
    eccentricity: me.eccentricity,
    inclinationDeg: me.inclinationDeg,
    raanDeg: me.raanDeg,
    argOfPericenterDeg: me.argOfPericenterDeg,
    meanAnomalyDeg: me.meanAnomalyDeg,
    bstarPerEarthRadii: tle?.bstarPerEarthRadii ?? 0,
    meanMotionDotRevPerDay2: tle?.meanMotionDotRevPerDay2 ?? 0,
    meanMotionDdotRevPerDay3: tle?.meanMotionDdotRevPerDay3 ?? 0,
    ephemerisType: tle?.ephemerisType ?? 0,
    elementSetNo: tle?.elementSetNo ?? 0,
    revAtEpoch: tle?.revAtEpoch ?? 0,
    origin: message.origin,
  };
  return { records: [elementSet], issues };
}

/** Raw records → messages (generic OMM), collecting every issue. */
export function ommMessagesFromRecords(records: readonly OmmRawRecord[]): ParseOutcome<OmmMessage> {
  const messages: OmmMessage[] = [];
  const issues: RecordIssue[] = [];
  for (const raw of records) {
    const built = buildOmmMessage(raw);
    for (const issue of built.issues) issues.push(issue);
    if (built.message) messages.push(built.message);
  }
  return { records: messages, issues };
}

/** Messages → SGP4 element sets, collecting every issue. */
export function elementSetsFromMessages(messages: readonly OmmMessage[]): ParseOutcome<ElementSet> {
  const records: ElementSet[] = [];
  const issues: RecordIssue[] = [];
  for (const message of messages) {
    const out = elementSetFromOmm(message);
    for (const issue of out.issues) issues.push(issue);
    for (const r of out.records) records.push(r);
  }
  return { records, issues };
}
