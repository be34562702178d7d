import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { ElementSet } from '../../../core/orbits/element-set.js';
import { checkCompatibility } from '../../../core/rescue/compatibility.js';
import type { ProtocolMessage } from '../../../core/rescue/distress-message.js';
import { outstandingSteps, playMessages, validateMessage } from '../../../core/rescue/distress-protocol.js';
import { renderContext, renderMessage } from '../../../core/rescue/distress-rendering.js';
import type { Passport } from '../../../core/rescue/passport-schema.js';
import { type PassportLibrary, passportCompleteness } from '../../../core/rescue/passport-validation.js';
import { type InOrbitAsset, planRescue } from '../../../core/rescue/rescue-planner.js';
import { ConcordError } from '../../../core/result.js';
import { parseIsoUtc } from '../../../core/time/iso-8601.js';
import { loadCatalogFiles } from '../../io/load-catalog.js';
import { DEFAULT_PASSPORT_DIR, loadPassportLibrary } from '../../io/load-passports.js';

const out = (s: string): void => {
  process.stdout.write(`${s}\n`);
};

function library(dir: string | undefined): PassportLibrary {
  const { library: lib, issues } = loadPassportLibrary(dir ?? DEFAULT_PASSPORT_DIR);
  if (issues.length > 0) {
    const first = issues[0];
    throw new ConcordError(
      first?.code ?? 'PASSPORT_INVALID',
      `${issues.length} passport problem(s); first: ${first?.file}: ${first?.field}: ${first?.message}`,
    );
  }
  return lib;
}

function passport(lib: PassportLibrary, id: string): Passport {
  const p = lib.byId.get(id);
  if (!p) {
    throw new ConcordError('RESCUE_UNKNOWN_PASSPORT', `no passport '${id}' (see 'concord rescue passports')`);
  }
  return p;
}

function positiveNumber(text: string, what: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0)
    throw new ConcordError('RESCUE_BAD_OPTION', `${what}: '${text}' is not a number ≥ 0`);
  return n;
}

/** Find the distressed object and crew vehicles in orbit in a catalog file, by NORAD id or name prefix. */
function fromCatalog(
  file: string,
  lib: PassportLibrary,
  distressed: Passport,
): { target?: ElementSet; inOrbit: InOrbitAsset[] } {
  const loaded = loadCatalogFiles([file]);
  const sets = loaded.catalog.objects.map((o) => o.elementSet);
  const norad = distressed.orbit?.noradCatId;
  const target =
    sets.find((e) => norad !== undefined && e.noradCatId === norad) ??
    sets.find((e) => distressed.catalogNamePrefixes.some((p) => e.objectName.toUpperCase().startsWith(p)));
  const inOrbit: InOrbitAsset[] = [];
  for (const p of lib.passports) {
    if (p.kind !== 'crew-vehicle' || p.id === distressed.id) continue;
    for (const e of sets) {
      if (p.catalogNamePrefixes.some((prefix) => e.objectName.toUpperCase().startsWith(prefix))) {
        inOrbit.push({ passportId: p.id, elementSet: e });
      }
    }
  }
  return target ? { target, inOrbit } : { inOrbit };
}

export function registerRescueCommand(program: Command): void {
  const rescue = program
    .command('rescue')
    .description(
      'Astronaut rescue across agencies: interface passports, compatibility, planning, distress drills',
    );

  rescue
    .command('passports')
    .description('List the interface passports with their completeness (known facts / all facts)')
    .option('--json', 'print JSON')
    .option('--dir <dir>', 'passport directory (default: data/passports)')
    .action((opts: { json?: boolean; dir?: string }) => {
      const lib = library(opts.dir);
      const rows = lib.passports.map((p) => {
        const c = passportCompleteness(p);
        return {
          id: p.id,
          name: p.name,
          kind: p.kind,
          passportVersion: p.passportVersion,
          knownFacts: c.known,
          totalFacts: c.total,
          completenessPct: Math.round((100 * c.known) / Math.max(1, c.total)),
        };
      });
      if (opts.json) return out(JSON.stringify(rows, null, 2));
      out(`${'id'.padEnd(28)}${'kind'.padEnd(15)}${'known/total'.padEnd(14)}name`);
      for (const r of rows)
        out(
          `${r.id.padEnd(28)}${r.kind.padEnd(15)}${`${r.knownFacts}/${r.totalFacts} (${r.completenessPct}%)`.padEnd(14)}${r.name}`,
        );
    });

  rescue
    .command('check')
    .description('Run the compatibility checks C1–C14 for a rescuer and a vehicle or station in distress')
    .argument('<rescuer>', 'passport id of the rescuer')
    .argument('<distressed>', 'passport id of the vehicle or station in distress')
    .option('--json', 'print JSON')
    .option('--crew <n>', 'crew to carry (default: the distressed seats or station crew)')
    .option('--port <face>', 'aim at one face of the target stack, e.g. iss/poisk-zenith')
    .option('--historical', 'allow historical adapters (precedent replay)')
    .option('--dir <dir>', 'passport directory')
    .action(
      (
        rescuerId: string,
        distressedId: string,
        opts: { json?: boolean; crew?: string; port?: string; historical?: boolean; dir?: string },
      ) => {
        const lib = library(opts.dir);
        const report = checkCompatibility(passport(lib, rescuerId), passport(lib, distressedId), lib, {
          ...(opts.crew !== undefined ? { crewToRescue: positiveNumber(opts.crew, '--crew') } : {}),
          ...(opts.port !== undefined ? { targetFace: opts.port } : {}),
          ...(opts.historical ? { includeHistorical: true } : {}),
        });
        const checks = report.checks.map((c) => ({
          id: c.id,
          name: `${c.id} ${c.name}`,
          status: c.status,
          detail: [
            c.reasons.join('; '),
            c.requires.length ? `requires: ${c.requires.join('; ')}` : '',
            c.missingPieces.length ? `missing: ${c.missingPieces.join('; ')}` : '',
          ]
            .filter(Boolean)
            .join(' | '),
          reasons: c.reasons,
          requires: c.requires,
          missingPieces: c.missingPieces,
          reliesOnUnverified: c.reliesOnUnverified,
        }));
        if (opts.json) {
          return out(
            JSON.stringify(
              {
                rescuer: report.rescuerId,
                distressed: report.distressedId,
                compatible: report.compatible,
                processReady: report.processReady,
                confidence: report.confidence,
                checks,
                paths: report.paths,
              },
              null,
              2,
            ),
          );
        }
        out(
          `${rescuerId} → ${distressedId}: compatible ${report.compatible.toUpperCase()} (confidence ${report.confidence}; process ${report.processReady})`,
        );
        for (const p of report.paths) out(`  path: ${p}`);
        for (const c of checks) out(`  ${c.status.toUpperCase().padEnd(8)}${c.name}: ${c.detail}`);
      },
    );

  rescue
    .command('plan')
    .description('List candidate rescues for a crew in distress, ranked by arrival against the margin')
    .requiredOption('--distressed <id>', 'passport id of the vehicle or station in distress')
    .requiredOption('--at <iso>', 'time of the plan, ISO-8601 UTC')
    .requiredOption('--margin-hours <h>', 'hours the crew can still survive')
    .option('--catalog <file>', 'element sets (TLE/OMM) for the target and vehicles in orbit')
    .option('--crew <n>', 'crew to rescue')
    .option('--json', 'print JSON')
    .option('--dir <dir>', 'passport directory')
    .action(
      (opts: {
        distressed: string;
        at: string;
        marginHours: string;
        catalog?: string;
        crew?: string;
        json?: boolean;
        dir?: string;
      }) => {
        const lib = library(opts.dir);
        const distressed = passport(lib, opts.distressed);
        const at = parseIsoUtc(opts.at);
        if (!at.ok) throw new ConcordError(at.code, `--at: ${at.message}`);
        const fromCat = opts.catalog ? fromCatalog(opts.catalog, lib, distressed) : { inOrbit: [] };
        const options = planRescue(
          {
            distressed,
            at: at.value,
            marginHours: positiveNumber(opts.marginHours, '--margin-hours'),
            ...('target' in fromCat && fromCat.target ? { elementSet: fromCat.target } : {}),
            inOrbit: fromCat.inOrbit,
            ...(opts.crew !== undefined ? { crewToRescue: positiveNumber(opts.crew, '--crew') } : {}),
          },
          lib,
        );
        const target = 'target' in fromCat ? fromCat.target : undefined;
        if (opts.json) {
          return out(
            JSON.stringify(
              {
                distressed: distressed.id,
                at: opts.at,
                marginHours: Number(opts.marginHours),
                targetElementSet: target ? `${target.objectName} ${target.epochIso}` : null,
                options: options.map((o, i) => ({ rank: i + 1, ...o, 'delta-v': o.deltaV })),
              },
              null,
              2,
            ),
          );
        }
        out(
          `Rescue options for ${distressed.name} at ${opts.at}, crew margin ${opts.marginHours} h${target ? ` (target elements ${target.objectName} ${target.epochIso})` : ' (no element set: passport orbit, RAAN unknown)'}`,
        );
        options.forEach((o, i) => {
          out(
            `${String(i + 1).padStart(2)}. ${o.assessment.toUpperCase().padEnd(11)}${o.rescuerName}${o.site ? ` from ${o.site}` : ''}`,
          );
          out(
            `      arrival ${o.arrival ?? '—'}${o.arrivalLatest ? ` (latest ${o.arrivalLatest})` : ''}; Δv ${o.deltaV ? `${o.deltaV.totalMps} m/s (plane ${o.deltaV.planeChangeMps}, rendezvous ${o.deltaV.rendezvousMps})` : '—'}; compatibility ${o.compatibility}`,
          );
          for (const r of o.reasons) out(`      - ${r}`);
        });
      },
    );

  rescue
    .command('drill')
    .description(
      'Play a distress scenario through the protocol and print the message log in English and Chinese',
    )
    .argument('<scenario>', 'scenario JSON file (see data/rescue/)')
    .option('--json', 'print the log as JSON (canonical messages with accept/reject)')
    .action((file: string, opts: { json?: boolean }) => {
      let doc: unknown;
      try {
        doc = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        throw new ConcordError(
          'RESCUE_BAD_SCENARIO',
          `${file}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      const raw =
        typeof doc === 'object' && doc !== null && 'messages' in doc
          ? (doc as { messages: unknown }).messages
          : undefined;
      if (!Array.isArray(raw))
        throw new ConcordError('RESCUE_BAD_SCENARIO', `${file}: expected an object with a 'messages' array`);
      const messages: ProtocolMessage[] = raw.map((m, i) => {
        const r = validateMessage(m);
        if (!r.ok) throw new ConcordError(r.code, `${file}: messages[${i}]: ${r.message}`);
        return r.value;
      });
      const { log, finalCase } = playMessages(messages);
      const ctx = renderContext(messages);
      if (opts.json) {
        return out(
          JSON.stringify(
            {
              log: log.map((e) => ({
                accepted: e.accepted,
                code: e.code ?? null,
                error: e.error ?? null,
                stateAfter: e.stateAfter ?? null,
                en: renderMessage(e.message, 'en', ctx),
                zh: renderMessage(e.message, 'zh', ctx),
                message: e.message,
              })),
              finalState: finalCase?.state ?? null,
              outstanding: finalCase ? outstandingSteps(finalCase) : [],
            },
            null,
            2,
          ),
        );
      }
      const name =
        typeof doc === 'object' && doc !== null && 'name' in doc
          ? String((doc as { name: unknown }).name)
          : file;
      out(`Drill: ${name}`);
      log.forEach((e, i) => {
        const m = e.message;
        out(
          `#${i + 1} ${m.sentUtc} ${m.sender} seq ${m.sequence} ${m.type} ${m.messageId}: ${e.accepted ? `ACCEPTED → ${e.stateAfter}` : `REJECTED [${e.code}] ${e.error}`}`,
        );
        out(`    EN: ${renderMessage(m, 'en', ctx)}`);
        out(`    中文: ${renderMessage(m, 'zh', ctx)}`);
      });
      out(
        `Final state: ${finalCase?.state ?? 'no case'}; accepted ${log.filter((e) => e.accepted).length}, rejected ${log.filter((e) => !e.accepted).length}`,
      );
      const steps = finalCase ? outstandingSteps(finalCase) : [];
      out(steps.length ? `Outstanding: ${steps.join('; ')}` : 'Outstanding required steps: none');
    });
}
