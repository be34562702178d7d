import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { symmetricEigenvalues3 } from '../../../core/frames/matrix3.js';
import { ConcordError } from '../../../core/result.js';
import { computePc, PC_METHOD_NAMES } from '../../../core/risk/compute-pc.js';
import { buildEncounterPlane } from '../../../core/risk/encounter-plane.js';
import { cdmConjunctionStates, cdmRtnCovariance6 } from '../../../formats/ccsds/cdm/cdm-conjunction.js';
import { writeCdmJson } from '../../../formats/ccsds/cdm/cdm-json.js';
import { writeCdmKvn } from '../../../formats/ccsds/cdm/cdm-kvn.js';
import { type Cdm, fieldValue } from '../../../formats/ccsds/cdm/cdm-message.js';
import { writeCdmXml } from '../../../formats/ccsds/cdm/cdm-xml.js';
import { encounterPlaneSvg } from '../../../formats/svg/encounter-plane-svg.js';
import { parseHbrOption, readCdmFile, resolveHbr } from '../cdm-file.js';

/** Smallest eigenvalue of a symmetric 6x6 by Cholesky attempt: returns whether it is positive definite. */
function isPositiveDefinite(c: Float64Array, n: number): boolean {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = c[i * n + j] ?? 0;
      for (let k = 0; k < j; k++) sum -= (l[i * n + k] ?? 0) * (l[j * n + k] ?? 0);
      if (i === j) {
        if (!(sum > 0)) return false;
        l[i * n + i] = Math.sqrt(sum);
      } else {
        l[i * n + j] = sum / (l[j * n + j] ?? 1);
      }
    }
  }
  return true;
}

function objectLine(cdm: Cdm, index: number): string {
  const o = cdm.objects[index];
  if (!o) return '';
  const m = o.metadata;
  return `OBJECT${index + 1}: ${fieldValue(m, 'OBJECT_DESIGNATOR')} ${fieldValue(m, 'OBJECT_NAME')} (${fieldValue(m, 'INTERNATIONAL_DESIGNATOR')}), frame ${fieldValue(m, 'REF_FRAME')}, covariance ${fieldValue(m, 'COVARIANCE_METHOD')}, maneuverable ${fieldValue(m, 'MANEUVERABLE')}`;
}

function inspect(file: string, hbrText: string | undefined, json: boolean): void {
  const cdm = readCdmFile(file);
  const rel = cdm.relativeMetadataData;
  const hbr = resolveHbr(cdm, parseHbrOption(hbrText));
  const sanity = cdm.objects.map((o, i) => {
    const c6 = cdmRtnCovariance6(o);
    const pos = new Float64Array(9);
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) pos[r * 3 + c] = c6[r * 6 + c] ?? 0;
    const eig = symmetricEigenvalues3(pos);
    return {
      object: `OBJECT${i + 1}`,
      positionCovariancePositiveDefinite: eig[0] > 0,
      positionSigmasRtnM: [0, 1, 2].map((k) => Math.sqrt(Math.max(0, c6[k * 7] ?? 0))),
      positionEigenvaluesM2: eig,
      fullCovariancePositiveDefinite: isPositiveDefinite(c6, 6),
    };
  });
  const states = cdmConjunctionStates(cdm);
  const pcs: Record<string, unknown>[] = [];
  let planeInfo: Record<string, number> | undefined;
  if (states.ok) {
    const plane = buildEncounterPlane(states.value);
    if (plane.ok) {
      planeInfo = {
        missM: plane.value.missM,
        relativeSpeedMS: plane.value.relativeSpeedMS,
        tcaOffsetS: plane.value.tcaOffsetS,
        sigmaMajorM: plane.value.sigmaMajorM,
        sigmaMinorM: plane.value.sigmaMinorM,
      };
    }
    for (const method of PC_METHOD_NAMES) {
      const r = computePc(states.value, hbr.hbrM, method, { trials: 200_000 });
      if (r.ok) {
        pcs.push({
          method,
          pc: r.value.result.pc,
          warnings: r.value.result.warnings.map((w) => w.code),
          ...(r.value.result.confidenceInterval ? { ci95: r.value.result.confidenceInterval } : {}),
          ...(r.value.result.dilutionThresholdM !== undefined
            ? { dilutionThresholdM: r.value.result.dilutionThresholdM }
            : {}),
        });
      }
    }
  }
  const summary = {
    messageId: fieldValue(cdm.header, 'MESSAGE_ID'),
    version: fieldValue(cdm.header, 'CCSDS_CDM_VERS'),
    originator: fieldValue(cdm.header, 'ORIGINATOR'),
    creationDate: fieldValue(cdm.header, 'CREATION_DATE'),
    tcaUtc: fieldValue(rel, 'TCA'),
    statedMissM: Number(fieldValue(rel, 'MISS_DISTANCE')),
    statedRelativeSpeedMS:
      fieldValue(rel, 'RELATIVE_SPEED') === undefined ? undefined : Number(fieldValue(rel, 'RELATIVE_SPEED')),
    statedPc: fieldValue(rel, 'COLLISION_PROBABILITY'),
    statedPcMethod: fieldValue(rel, 'COLLISION_PROBABILITY_METHOD'),
    hbr: hbr.description,
    covariance: sanity,
    encounterPlane: planeInfo,
    pcError: states.ok ? undefined : states.message,
    pc: pcs,
  };
  if (json) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return;
  }
  const out = [
    `CDM ${summary.messageId} (v${summary.version}) from ${summary.originator}, created ${summary.creationDate}`,
    `TCA ${summary.tcaUtc} UTC, stated miss ${summary.statedMissM} m, relative speed ${summary.statedRelativeSpeedMS ?? '-'} m/s, stated Pc ${summary.statedPc ?? '-'} (${summary.statedPcMethod ?? '-'})`,
    objectLine(cdm, 0),
    objectLine(cdm, 1),
    'Covariance sanity (RTN):',
    ...sanity.map(
      (s) =>
        `  ${s.object}: position sigmas R/T/N ${s.positionSigmasRtnM.map((v) => v.toFixed(2)).join(' / ')} m; 3x3 position ${s.positionCovariancePositiveDefinite ? 'positive definite' : 'NOT positive definite'}; 6x6 ${s.fullCovariancePositiveDefinite ? 'positive definite' : 'NOT positive definite'}`,
    ),
    `HBR ${hbr.description}`,
  ];
  if (planeInfo) {
    out.push(
      `Encounter plane: miss ${planeInfo['missM']?.toFixed(3)} m at linear TCA ${planeInfo['tcaOffsetS']?.toExponential(3)} s from stated TCA; sigmas ${planeInfo['sigmaMajorM']?.toFixed(2)} x ${planeInfo['sigmaMinorM']?.toFixed(2)} m`,
    );
  }
  if (!states.ok) out.push(`Pc not computed: ${states.message} [${states.code}]`);
  for (const p of pcs) {
    const ci = p['ci95'] as { low: number; high: number } | undefined;
    out.push(
      `  Pc ${String(p['method']).padEnd(6)} ${(p['pc'] as number).toExponential(6)}${ci ? ` [${ci.low.toExponential(3)}, ${ci.high.toExponential(3)}]` : ''}${p['dilutionThresholdM'] !== undefined ? ` (dilution threshold ${(p['dilutionThresholdM'] as number).toFixed(2)} m)` : ''}${(p['warnings'] as string[]).length ? `  warnings: ${(p['warnings'] as string[]).join(', ')}` : ''}`,
    );
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

function plot(file: string, outPath: string, hbrText: string | undefined): void {
  const cdm = readCdmFile(file);
  const hbr = resolveHbr(cdm, parseHbrOption(hbrText));
  const states = cdmConjunctionStates(cdm);
  if (!states.ok) throw new ConcordError(states.code, `${file}: ${states.message}`);
  const computed = computePc(states.value, hbr.hbrM, 'foster');
  if (!computed.ok) throw new ConcordError(computed.code, `${file}: ${computed.message}`);
  const { plane, result } = computed.value;
  const name = (i: number) => {
    const m = cdm.objects[i]?.metadata;
    return m ? `${fieldValue(m, 'OBJECT_NAME')} (${fieldValue(m, 'OBJECT_DESIGNATOR')})` : '';
  };
  const svg = encounterPlaneSvg(plane, {
    title: `${name(0)} vs ${name(1)}`,
    subtitle: `TCA ${fieldValue(cdm.relativeMetadataData, 'TCA')} UTC, miss ${plane.missM.toFixed(1)} m, ${(plane.relativeSpeedMS / 1000).toFixed(3)} km/s`,
    hbrM: hbr.hbrM,
    pcText: `Pc = ${result.pc.toExponential(3)} (Foster 2-D, HBR ${hbr.hbrM} m)`,
    notes: result.warnings.map((w) => `warning: ${w.code}`),
  });
  writeFileSync(outPath, svg);
  process.stdout.write(`wrote ${outPath}\n`);
}

/** `concord cdm inspect|convert|plot` */
export function registerCdmCommand(program: Command): void {
  const cdm = program.command('cdm').description('CCSDS Conjunction Data Messages: inspect, convert, plot');
  cdm
    .command('inspect <file>')
    .description('summary, frames, covariance sanity and Pc by each method')
    .option('--hbr-m <metres>', 'combined hard-body radius (m)')
    .option('--json', 'JSON output')
    .action((file: string, options: { hbrM?: string; json?: boolean }) =>
      inspect(file, options.hbrM, options.json === true),
    );
  cdm
    .command('convert <file>')
    .description('convert between KVN, XML and JSON (values kept verbatim)')
    .requiredOption('--to <format>', 'kvn|xml|json')
    .option('--out <file>', 'output file (default: stdout)')
    .action((file: string, options: { to: string; out?: string }) => {
      const message = readCdmFile(file);
      let text: string;
      if (options.to === 'kvn') text = writeCdmKvn(message);
      else if (options.to === 'xml') text = writeCdmXml(message);
      else if (options.to === 'json') text = writeCdmJson(message);
      else throw new ConcordError('BAD_OPTION', `--to must be kvn, xml or json, got '${options.to}'`);
      if (options.out) writeFileSync(options.out, text);
      else process.stdout.write(text);
    });
  cdm
    .command('plot <file>')
    .description('SVG of the encounter plane: covariance ellipses, hard-body circle, miss vector')
    .requiredOption('--out <file>', 'output SVG file')
    .option('--hbr-m <metres>', 'combined hard-body radius (m)')
    .action((file: string, options: { out: string; hbrM?: string }) => plot(file, options.out, options.hbrM));
}
