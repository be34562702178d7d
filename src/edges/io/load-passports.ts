import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Passport } from '../../core/rescue/passport-schema.js';
import {
  buildPassportLibrary,
  type PassportIssue,
  type PassportLibrary,
  validatePassport,
} from '../../core/rescue/passport-validation.js';

/** `data/passports/` of this package (same depth from `src/` and `dist/`). */
export const DEFAULT_PASSPORT_DIR = fileURLToPath(new URL('../../../data/passports/', import.meta.url));

/**
 * Read every `*.json` passport in a directory, validate each one (schema, then cross-references) and return
 * the library with every problem found. A file that does not parse or validate is reported, never skipped
 * silently; the caller decides whether issues are fatal.
 */
export function loadPassportLibrary(directory: string = DEFAULT_PASSPORT_DIR): {
  library: PassportLibrary;
  issues: PassportIssue[];
} {
  const issues: PassportIssue[] = [];
  const entries: { passport: Passport; file: string }[] = [];
  const files = readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort();
  for (const name of files) {
    const file = join(directory, name);
    let document: unknown;
    try {
      document = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      issues.push({
        file,
        field: '/',
        code: 'PASSPORT_INVALID',
        message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      });
      continue;
    }
    const result = validatePassport(document, file);
    issues.push(...result.issues);
    if (result.ok) entries.push({ passport: result.value, file });
  }
  const built = buildPassportLibrary(entries);
  return { library: built.library, issues: [...issues, ...built.issues] };
}
