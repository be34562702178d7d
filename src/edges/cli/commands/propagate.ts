import { type Command, Option } from 'commander';
import type { CatalogObject } from '../../../core/catalog/catalog.js';
import { type EarthOrientation, isZeroEop, resolveEop } from '../../../core/frames/eop.js';
import { type CartesianState, frameRotationsAt, temeToGcrf, temeToItrf } from '../../../core/frames/teme.js';
import { propagateAt } from '../../../core/propagation/propagate.js';
import { createSgp4Model } from '../../../core/propagation/sgp4-model.js';
import { ConcordError } from '../../../core/result.js';
import { formatIsoUtc } from '../../../core/time/iso-8601.js';
import { addSeconds, daysBetween } from '../../../core/time/julian-date.js';
import type { UtcInstant } from '../../../core/time/time-scale.js';
import type { Oem } from '../../../formats/ccsds/oem/oem-message.js';
import { writeOemKvn } from '../../../formats/ccsds/oem/write-oem-kvn.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { loadCatalogFiles, requireNoRejections } from '../../io/load-catalog.js';
import { jsonOption, parsePositiveNumberOption, parseUtcOption, skipInvalidOption } from '../options.js';
import { createProgress } from '../progress.js';

type FrameName = 'teme' | 'gcrf' | 'itrf';

interface PropagateOptions {
  id: string;
  at: string;
  until?: string;
  step?: string;
  frame: FrameName;
  json?: boolean;
  skipInvalid?: boolean;
  dut1?: string;
  xp?: string;
  yp?: string;
  lod?: string;
  ddpsi?: string;
  ddeps?: string;
  oemOut?: string;
}

const OEM_FRAME: Readonly<Record<FrameName, string>> = { teme: 'TEME', gcrf: 'GCRF', itrf: 'ITRF' };
/** Interpolation the written OEM declares: Lagrange on 8 states (exact to far below a metre at 60 s steps in LEO). */
const OEM_LAGRANGE_DEGREE = 7;

/** At most this many states per run: a typo in --step must not fill the disk. */
const MAX_STATES = 1_000_000;

/** Find by numeric catalog number, by the id as written in the source (Alpha-5 `A0001`), or by exact name. */
export function findCatalogObject(objects: readonly CatalogObject[], id: string): CatalogObject {
  const wanted = id.trim();
  const byNumber = /^\d+$/.test(wanted) ? Number(wanted) : undefined;
  const found =
    objects.find((o) => o.elementSet.noradCatId === byNumber) ??
    objects.find((o) => o.elementSet.catalogId === wanted) ??
    objects.find((o) => o.elementSet.objectName.toUpperCase() === wanted.toUpperCase());
  if (!found) throw new ConcordError('OBJECT_NOT_FOUND', `--id ${id}: no such object in the catalog`);
  return found;
}

function eopFromOptions(o: PropagateOptions): EarthOrientation {
  const num = (name: string, text: string | undefined) => {
    if (text === undefined) return undefined;
    const v = Number(text);
    if (!Number.isFinite(v)) throw new ConcordError('BAD_OPTION', `${name}: '${text}' is not a number`);
    return v;
  };
  const entries: [keyof EarthOrientation, number | undefined][] = [
    ['dut1Seconds', num('--dut1', o.dut1)],
    ['xpArcsec', num('--xp', o.xp)],
    ['ypArcsec', num('--yp', o.yp)],
    ['lodSeconds', num('--lod', o.lod)],
    ['ddPsiArcsec', num('--ddpsi', o.ddpsi)],
    ['ddEpsArcsec', num('--ddeps', o.ddeps)],
  ];
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined)) as EarthOrientation;
}

export function registerPropagateCommand(program: Command): void {
  program
    .command('propagate')
    .description(
      'propagate one object with SGP4/SDP4 and print its state(s) in TEME, GCRF or ITRF (km, km/s, UTC)',
    )
    .argument('<files...>', 'catalog files (TLE/3LE, OMM, SATCAT; gzip or not)')
    .requiredOption(
      '--id <id>',
      'object: NORAD catalog number, id as written (Alpha-5 e.g. A0001) or exact name',
    )
    .requiredOption('--at <iso>', 'time of the (first) state, ISO-8601 UTC')
    .option('--until <iso>', 'last time of a range, ISO-8601 UTC (needs --step)')
    .option('--step <seconds>', 'step of a range, seconds')
    .addOption(
      new Option('--frame <frame>', 'output frame').choices(['teme', 'gcrf', 'itrf']).default('teme'),
    )
    .option('--dut1 <seconds>', 'Earth orientation: UT1-UTC, s (default 0, assumed)')
    .option('--xp <arcsec>', 'Earth orientation: polar motion x, arcsec (default 0, assumed)')
    .option('--yp <arcsec>', 'Earth orientation: polar motion y, arcsec (default 0, assumed)')
    .option('--lod <seconds>', 'Earth orientation: excess length of day, s (default 0, assumed)')
    .option('--ddpsi <arcsec>', 'Earth orientation: nutation correction dPsi, arcsec (default 0, assumed)')
    .option('--ddeps <arcsec>', 'Earth orientation: nutation correction dEps, arcsec (default 0, assumed)')
    .option(
      '--oem-out <file>',
      'write the range as a CCSDS OEM (KVN, the chosen frame, UTC, LAGRANGE 7) to this file instead of printing it',
    )
    .addOption(jsonOption())
    .addOption(skipInvalidOption())
    .action((files: string[], options: PropagateOptions) => {
      const start = parseUtcOption('--at', options.at);
      const times: UtcInstant[] = [start];
      if (options.until !== undefined || options.step !== undefined) {
        if (options.until === undefined || options.step === undefined) {
          throw new ConcordError('BAD_OPTION', '--until and --step go together');
        }
        const until = parseUtcOption('--until', options.until);
        const stepSeconds = parsePositiveNumberOption('--step', options.step);
        const spanSeconds = daysBetween(start.jd, until.jd) * 86_400;
        if (spanSeconds < 0) throw new ConcordError('BAD_OPTION', '--until is before --at');
        const count = Math.floor(spanSeconds / stepSeconds + 1e-9) + 1;
        if (count > MAX_STATES) {
          throw new ConcordError(
            'BAD_OPTION',
            `--step ${options.step}: ${count} states exceed the limit of ${MAX_STATES}`,
          );
        }
        times.length = 0;
        for (let k = 0; k < count; k++)
          times.push({ scale: 'UTC', jd: addSeconds(start.jd, k * stepSeconds) });
      }

      const loaded = loadCatalogFiles(files);
      requireNoRejections(loaded, options.skipInvalid === true);
      const object = findCatalogObject(loaded.catalog.objects, options.id);
      const model = createSgp4Model(object.elementSet);
      if (!model.ok) throw new ConcordError(model.code, `${object.elementSet.catalogId}: ${model.message}`);

      const eop = eopFromOptions(options);
      const eopAssumedZero = isZeroEop(eop);
      const frame = options.frame;
      const progress = createProgress(process.stderr.isTTY === true && times.length > 10_000);
      progress.start(times.length, 'propagate');
      const states = times.map((t, index) => {
        if (index % 1000 === 0) progress.update(index);
        const teme = propagateAt(model.value, t);
        if (!teme.ok) {
          return {
            epoch: formatIsoUtc(t, 6),
            time_scale: 'UTC',
            frame: frame.toUpperCase(),
            error: { code: teme.code, message: teme.message },
          };
        }
        let state: CartesianState = teme.value;
        if (frame !== 'teme') {
          const rotations = frameRotationsAt(t, eop);
          if (!rotations.ok) throw new ConcordError(rotations.code, rotations.message);
          state = frame === 'gcrf' ? temeToGcrf(rotations.value, state) : temeToItrf(rotations.value, state);
        }
        return {
          epoch: formatIsoUtc(t, 6),
          time_scale: 'UTC',
          frame: frame.toUpperCase(),
          position_km: [...state.positionKm],
          velocity_km_s: [...state.velocityKmS],
          element_set_age_days: teme.value.elementSetAgeDays,
        };
      });
      progress.stop();

      const es = object.elementSet;
      if (options.oemOut) {
        writeOem(options.oemOut, object, states, frame, eopAssumedZero);
        return;
      }
      const eopText = eopAssumedZero
        ? 'Earth orientation parameters assumed zero (not given): ITRF off by ~10-30 m'
        : `Earth orientation parameters given: ${JSON.stringify(resolveEop(eop))}`;
      // GCRF here is the IAU-76/FK5 reduction without the ~20 mas frame bias (Vallado 2006): ~1-2 m in LEO.
      const eopNote =
        frame === 'teme'
          ? undefined
          : frame === 'gcrf'
            ? `${eopText}; IAU-76/FK5 reduction, frame bias neglected (~1-2 m from IAU 2006/2000A)`
            : eopText;
      if (options.json) {
        const decorated = states.map((s) => ({
          ...s,
          id: es.noradCatId,
          catalog_id: es.catalogId,
          name: es.objectName,
          ...(eopNote ? { eop: eopAssumedZero ? 'assumed-zero' : resolveEop(eop) } : {}),
        }));
        process.stdout.write(
          `${JSON.stringify(decorated.length === 1 ? decorated[0] : decorated, null, 2)}\n`,
        );
      } else {
        const out = [
          `${es.catalogId} ${es.objectName} — SGP4/SDP4 (WGS-72, opsmode i) from the element set of ${es.epochIso} (${es.origin.file}:${es.origin.line})`,
          `frame ${frame.toUpperCase()}, time scale UTC, position km, velocity km/s${eopNote ? `; ${eopNote}` : ''}`,
        ];
        for (const s of states) {
          if ('error' in s && s.error) out.push(`${s.epoch}  error ${s.error.code}: ${s.error.message}`);
          else if ('position_km' in s) {
            const p = s.position_km.map((v) => v.toFixed(6).padStart(16)).join('');
            const v = s.velocity_km_s.map((x) => x.toFixed(9).padStart(15)).join('');
            out.push(`${s.epoch} ${p} ${v}  age ${s.element_set_age_days.toFixed(3)} d`);
          }
        }
        process.stdout.write(`${out.join('\n')}\n`);
      }
      if (states.some((s) => 'error' in s)) process.exitCode = 3;
    });
}

type PropagatedState =
  | { epoch: string; error: { code: string; message: string } }
  | { epoch: string; position_km: number[]; velocity_km_s: number[] };

/** The propagated range as an OEM (written whole or not at all; refused if any state failed). */
function writeOem(
  path: string,
  object: CatalogObject,
  states: readonly PropagatedState[],
  frame: FrameName,
  eopAssumedZero: boolean,
): void {
  const es = object.elementSet;
  const failed = states.find((s) => 'error' in s);
  if (failed && 'error' in failed)
    throw new ConcordError(
      failed.error.code,
      `--oem-out: no state at ${failed.epoch}: ${failed.error.message}`,
    );
  if (states.length < 2) throw new ConcordError('BAD_OPTION', '--oem-out needs a range (--until and --step)');
  const text = (epoch: string) => epoch.replace(/Z$/, '');
  const first = states[0] as PropagatedState;
  const last = states[states.length - 1] as PropagatedState;
  const oem: Oem = {
    header: {
      version: '2.0',
      comments: [
        `SGP4/SDP4 states of the element set of ${es.epochIso} (${es.origin.file}:${es.origin.line}), not an orbit-determination product`,
        ...(frame === 'teme'
          ? []
          : [
              `TEME converted to ${OEM_FRAME[frame]} by the IAU-76/FK5 reduction${eopAssumedZero ? ', Earth orientation parameters assumed zero' : ''}`,
            ]),
      ],
      fields: { CREATION_DATE: new Date().toISOString().replace(/Z$/, ''), ORIGINATOR: 'CONCORD' },
    },
    segments: [
      {
        metadata: {
          comments: [],
          fields: {
            OBJECT_NAME: es.objectName || String(es.noradCatId),
            OBJECT_ID: es.objectId || String(es.noradCatId),
            CENTER_NAME: 'EARTH',
            REF_FRAME: OEM_FRAME[frame],
            TIME_SYSTEM: 'UTC',
            START_TIME: text(first.epoch),
            STOP_TIME: text(last.epoch),
            INTERPOLATION: 'LAGRANGE',
            INTERPOLATION_DEGREE: String(Math.min(OEM_LAGRANGE_DEGREE, states.length - 1)),
          },
          line: 0,
        },
        dataComments: [],
        states: states.map((s) => ({
          epoch: text(s.epoch),
          tSeconds: 0,
          positionKm: Float64Array.from('position_km' in s ? s.position_km : []),
          velocityKmS: Float64Array.from('velocity_km_s' in s ? s.velocity_km_s : []),
          line: 0,
        })),
        covariances: [],
      },
    ],
  };
  writeFileAtomic(path, writeOemKvn(oem));
  process.stdout.write(
    `wrote ${states.length} states of ${es.catalogId} ${es.objectName} (${OEM_FRAME[frame]}, UTC) from ${text(first.epoch)} to ${text(last.epoch)} to ${path}\n`,
  );
}
