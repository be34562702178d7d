import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

let sample: string[] | undefined;

/** 3LE records of the bundled 2023-10-09 catalog for the given catalog numbers, in the order asked, as text. */
export function sample3le(noradIds: readonly number[]): string {
  sample ??= gunzipSync(
    readFileSync(new URL('../../data/sample/spacetrack_3le_2023-10-09.txt.gz', import.meta.url)),
  )
    .toString('utf8')
    .split(/\r?\n/);
  const lines = sample;
  const byId = new Map<number, string[]>();
  for (let i = 0; i + 2 < lines.length; i += 3) {
    const l1 = lines[i + 1] ?? '';
    byId.set(Number(l1.slice(2, 7)), [lines[i] ?? '', l1, lines[i + 2] ?? '']);
  }
  const out: string[] = [];
  for (const id of noradIds) {
    const record = byId.get(id);
    if (!record) throw new Error(`catalog number ${id} is not in the bundled sample`);
    out.push(...record);
  }
  return `${out.join('\n')}\n`;
}

/**
 * ISS (ZARYA) 25544, four objects that pass within 25 km of it on 2023-10-09 12:00-24:00 UTC (SPACEBEE-119,
 * XIAOXIANG 1, ZDPS 2A, COSMOS 252 DEB), two vehicles docked to it (NAUKA, PROGRESS MS-24) and a few others.
 */
export const ISS_NEIGHBOURS = [25544, 52015, 41842, 40901, 3558, 49044, 57691, 5, 11, 20580, 43013, 48274];
