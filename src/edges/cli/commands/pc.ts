import type { Command } from 'commander';
import { ConcordError } from '../../../core/result.js';
import { computePc, isPcMethodName, PC_METHOD_NAMES } from '../../../core/risk/compute-pc.js';
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
}

/** `concord pc --cdm FILE [--method foster|chan|mc|max] [--hbr-m R] [--json]` */
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
    .option('--trials <n>', 'Monte Carlo trials (method mc)', '1000000')
    .option('--seed <n>', 'Monte Carlo seed (method mc)', '20050101')
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
      const computed = computePc(states.value, hbr.hbrM, options.method, {
        trials: Number(options.trials),
        seed: Number(options.seed),
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
      }
      if (result.dilutionThresholdM !== undefined)
        lines.push(`  dilution threshold (sigma at max Pc) ${result.dilutionThresholdM.toFixed(3)} m`);
      for (const w of result.warnings) lines.push(`  warning ${w.code}: ${w.message}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
