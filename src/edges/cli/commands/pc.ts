import type { Command } from 'commander';
import { ConcordError } from '../../../core/result.js';
import { computePc, isPcMethodName, PC_METHOD_NAMES } from '../../../core/risk/compute-pc.js';
import { TWO_BODY_HIT_CRITERIA } from '../../../core/risk/pc-monte-carlo-two-body.js';
import { cdmConjunctionStates } from '../../../formats/ccsds/cdm/cdm-conjunction.js';
import { fieldValue } from '../../../formats/ccsds/cdm/cdm-message.js';
import { parseHbrOption, readCdmFile, resolveHbr } from '../cdm-file.js';

interface PcCommandOptions {
  cdm: string;
  method: string;
  hbrM?: string;
  json?: boolean;
  trials?: string;
  seed?: string;
  windowS?: string;
  mcHit: string;
}

/** `concord pc --cdm FILE [--method foster|chan|mc|mc2d|max] [--hbr-m R] [--trials N] [--seed N] [--window-s S] [--mc-hit minimum|entry] [--json]` */
export function registerPcCommand(program: Command): void {
  program
    .command('pc')
    .description('Probability of collision of a conjunction given as a CCSDS CDM (KVN, XML or JSON)')
    .requiredOption('--cdm <file>', 'CDM file')
    .option('--method <method>', `Pc method: ${PC_METHOD_NAMES.join('|')}`, 'foster')
    .option(
      '--hbr-m <metres>',
      'combined hard-body radius (m); default: CDM value, else CARA table per object',
    )
    .option('--trials <n>', 'Monte Carlo trials (methods mc, mc2d)', '1000000')
    .option('--seed <n>', 'Monte Carlo seed (methods mc, mc2d)', '20050101')
    .option(
      '--window-s <seconds>',
      'method mc: half-width of the encounter window around TCA (s); default a quarter of the shorter orbital period',
    )
    .option(
      '--mc-hit <criterion>',
      'method mc: hit criterion: minimum (separation at or below the HBR anywhere in the window) | entry (a contact that begins inside the window, as NASA CARA); they differ only for trials already in contact at the window start',
      'minimum',
    )
    .option('--json', 'one JSON object on stdout')
    .action((options: PcCommandOptions) => {
      if (!isPcMethodName(options.method)) {
        throw new ConcordError(
          'BAD_OPTION',
          `--method must be one of ${PC_METHOD_NAMES.join(', ')}, got '${options.method}'`,
        );
      }
      const cdm = readCdmFile(options.cdm);
      const hbr = resolveHbr(cdm, parseHbrOption(options.hbrM));
      const states = cdmConjunctionStates(cdm);
      if (!states.ok) throw new ConcordError(states.code, `${options.cdm}: ${states.message}`);
      const trials = Number(options.trials);
      if (!(Number.isInteger(trials) && trials > 0))
        throw new ConcordError('BAD_OPTION', `--trials must be a positive integer, got '${options.trials}'`);
      const windowHalfWidthS = options.windowS === undefined ? undefined : Number(options.windowS);
      if (windowHalfWidthS !== undefined && !(windowHalfWidthS > 0 && Number.isFinite(windowHalfWidthS)))
        throw new ConcordError(
          'BAD_OPTION',
          `--window-s must be a positive number of seconds, got '${options.windowS}'`,
        );
      const hitCriterion = TWO_BODY_HIT_CRITERIA.find((c) => c === options.mcHit);
      if (hitCriterion === undefined)
        throw new ConcordError(
          'BAD_OPTION',
          `--mc-hit must be one of ${TWO_BODY_HIT_CRITERIA.join(', ')}, got '${options.mcHit}'`,
        );
      const computed = computePc(states.value, hbr.hbrM, options.method, {
        trials,
        seed: Number(options.seed),
        hitCriterion,
        ...(windowHalfWidthS !== undefined ? { windowHalfWidthS } : {}),
      });
      if (!computed.ok) throw new ConcordError(computed.code, `${options.cdm}: ${computed.message}`);
      const { result, plane } = computed.value;
      const tca = fieldValue(cdm.relativeMetadataData, 'TCA') ?? '';
      if (options.json) {
        const out = {
          pc: result.pc,
          method: result.method,
          hbr_m: result.hbrM,
          hbr_source: hbr.source,
          miss_m: result.missM,
          relative_speed_m_s: plane.relativeSpeedMS,
          tca_utc: tca,
          tca_offset_s: plane.tcaOffsetS,
          warnings: result.warnings,
          ...(result.confidenceInterval
            ? { confidence_interval: result.confidenceInterval, hits: result.hits, trials: result.trials }
            : {}),
          ...(result.windowS ? { window_s: result.windowS } : {}),
          ...(result.hitCriterion ? { hit_criterion: result.hitCriterion } : {}),
          ...(result.dilutionThresholdM !== undefined
            ? { dilution_threshold_m: result.dilutionThresholdM }
            : {}),
        };
        process.stdout.write(`${JSON.stringify(out)}\n`);
        return;
      }
      const lines = [
        `Pc = ${result.pc.toExponential(6)} (${result.method})`,
        `  TCA ${tca} UTC, miss ${result.missM.toFixed(3)} m, relative speed ${plane.relativeSpeedMS.toFixed(3)} m/s`,
        `  HBR ${hbr.description}`,
      ];
      if (result.confidenceInterval) {
        const ci = result.confidenceInterval;
        lines.push(
          `  ${ci.level * 100} % interval [${ci.low.toExponential(4)}, ${ci.high.toExponential(4)}] (${result.hits} hits / ${result.trials} trials)`,
        );
        if (result.windowS)
          lines.push(
            `  two-body trajectories searched from TCA ${result.windowS.start.toFixed(1)} s to TCA +${result.windowS.end.toFixed(1)} s (hit criterion ${result.hitCriterion ?? 'minimum'})`,
          );
      }
      if (result.dilutionThresholdM !== undefined)
        lines.push(`  dilution threshold (sigma at max Pc) ${result.dilutionThresholdM.toFixed(3)} m`);
      for (const w of result.warnings) lines.push(`  warning ${w.code}: ${w.message}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
