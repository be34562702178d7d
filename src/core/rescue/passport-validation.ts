import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { err, ok, type Result } from '../result.js';
import { isKnown, PASSPORT_SCHEMA_VERSION, Passport, type SourcedValue } from './passport-schema.js';

/** A problem with one passport, located by file and JSON pointer (the field). */
export interface PassportIssue {
  readonly file: string;
  /** JSON pointer of the offending field, e.g. `/dockingFaces/0/family`. */
  readonly field: string;
  readonly code: PassportIssueCode;
  readonly message: string;
}

export type PassportIssueCode =
  | 'PASSPORT_SCHEMA_VERSION'
  | 'PASSPORT_INVALID'
  | 'PASSPORT_DUPLICATE_ID'
  | 'PASSPORT_DANGLING_REFERENCE';

let compiled: ValidateFunction | undefined;
function validator(): ValidateFunction {
  if (!compiled) compiled = new Ajv({ allErrors: true, strict: true }).compile(Passport);
  return compiled;
}

function describe(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties') {
    return `unexpected field '${String(e.params['additionalProperty'])}'`;
  }
  return e.message ?? e.keyword;
}

/**
 * Validate one parsed passport document against the schema. The schema version is checked first so that a
 * passport written for another version gets one clear message instead of dozens of schema errors.
 */
export function validatePassport(
  document: unknown,
  file: string,
): Result<Passport, 'PASSPORT_INVALID'> & {
  readonly issues: readonly PassportIssue[];
} {
  const issues: PassportIssue[] = [];
  if (typeof document === 'object' && document !== null && 'schemaVersion' in document) {
    const version = (document as { schemaVersion: unknown }).schemaVersion;
    if (version !== PASSPORT_SCHEMA_VERSION) {
      issues.push({
        file,
        field: '/schemaVersion',
        code: 'PASSPORT_SCHEMA_VERSION',
        message: `schemaVersion ${JSON.stringify(version)} is not supported (expected "${PASSPORT_SCHEMA_VERSION}")`,
      });
      return { ...err('PASSPORT_INVALID', `${file}: /schemaVersion: ${issues[0]?.message}`), issues };
    }
  }
  const validate = validator();
  if (validate(document)) return { ...ok(document as Passport), issues };
  // A failed anyOf (Sourced) repeats the same branch errors; keep the most specific ones, deduplicated.
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    if (e.keyword === 'anyOf') continue;
    const key = `${e.instancePath}|${describe(e)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ file, field: e.instancePath || '/', code: 'PASSPORT_INVALID', message: describe(e) });
  }
  const first = issues[0];
  return {
    ...err('PASSPORT_INVALID', `${file}: ${first?.field ?? '/'}: ${first?.message ?? 'invalid passport'}`),
    issues,
  };
}

/** A validated set of passports indexed by id. */
export interface PassportLibrary {
  readonly passports: readonly Passport[];
  readonly byId: ReadonlyMap<string, Passport>;
}

/**
 * Build a library from validated passports and check cross-references (duplicate ids, adapters installed on
 * hosts or faces that do not exist, heritage naming unknown passports). Nothing is dropped silently: every
 * problem is returned as an issue and the offending passport is still listed.
 */
export function buildPassportLibrary(entries: readonly { passport: Passport; file: string }[]): {
  library: PassportLibrary;
  issues: PassportIssue[];
} {
  const issues: PassportIssue[] = [];
  const byId = new Map<string, Passport>();
  const fileOf = new Map<string, string>();
  for (const { passport, file } of entries) {
    const previous = fileOf.get(passport.id);
    if (previous !== undefined) {
      issues.push({
        file,
        field: '/id',
        code: 'PASSPORT_DUPLICATE_ID',
        message: `id '${passport.id}' is already used by ${previous}`,
      });
      continue;
    }
    byId.set(passport.id, passport);
    fileOf.set(passport.id, file);
  }
  for (const passport of byId.values()) {
    const file = fileOf.get(passport.id) ?? passport.id;
    const inst = passport.installation;
    if (inst?.hostId !== undefined) {
      const host = byId.get(inst.hostId);
      if (!host) {
        issues.push(dangling(file, '/installation/hostId', `host '${inst.hostId}' has no passport`));
      } else if (inst.hostFaceId !== undefined && !host.dockingFaces.some((f) => f.id === inst.hostFaceId)) {
        issues.push(
          dangling(
            file,
            '/installation/hostFaceId',
            `host '${inst.hostId}' has no face '${inst.hostFaceId}'`,
          ),
        );
      }
      if (inst.ownFaceId !== undefined && !passport.dockingFaces.some((f) => f.id === inst.ownFaceId)) {
        issues.push(dangling(file, '/installation/ownFaceId', `no own face '${inst.ownFaceId}'`));
      }
    }
    if (inst?.carriedBy !== undefined && !byId.has(inst.carriedBy)) {
      issues.push(dangling(file, '/installation/carriedBy', `carrier '${inst.carriedBy}' has no passport`));
    }
    passport.dockingFaces.forEach((face, i) => {
      const heritage = face.flightHeritageWith as SourcedValue<string[]>;
      if (!isKnown(heritage)) return;
      for (const other of heritage.value) {
        if (!byId.has(other)) {
          issues.push(dangling(file, `/dockingFaces/${i}/flightHeritageWith`, `'${other}' has no passport`));
        }
      }
    });
  }
  return { library: { passports: [...byId.values()], byId }, issues };
}

function dangling(file: string, field: string, message: string): PassportIssue {
  return { file, field, code: 'PASSPORT_DANGLING_REFERENCE', message };
}

/** Share of leaf facts that are known (not `unknown`), for the completeness column of `rescue passports`. */
export function passportCompleteness(passport: Passport): { known: number; total: number } {
  let known = 0;
  let total = 0;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    if ('unknown' in node && (node as { unknown: unknown }).unknown === true) {
      total += 1;
      return;
    }
    if ('value' in node && 'confidence' in node) {
      total += 1;
      known += 1;
      return;
    }
    for (const value of Object.values(node)) visit(value);
  };
  visit(passport);
  return { known, total };
}
