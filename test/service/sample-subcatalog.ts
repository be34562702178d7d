import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** The bundled 2023-10-09 Space-Track 3LE catalog (26,140 objects), as text. */
export function sampleCatalogText(): string {
  const file = new URL('../../data/sample/spacetrack_3le_2023-10-09.txt.gz', import.meta.url);
  return gunzipSync(readFileSync(file)).toString('utf8');
}

/**
 * A small, dense sub-catalog of the bundled catalog: the first 400 objects launched 2019-029 (Starlink v0.9) or in
 * 2023 from launch 100 on (fresh Starlink trains), as 3LE text. It gives a few dozen events in 12 h at 10 km.
 */
export function denseSubcatalog3le(): { text: string; noradCatIds: number[] } {
  const lines = sampleCatalogText().split(/\r?\n/);
  const out: string[] = [];
  const ids: number[] = [];
  for (let i = 0; i + 2 < lines.length && ids.length < 400; i += 3) {
    const l1 = lines[i + 1] ?? '';
    const cospar = l1.slice(9, 17);
    if (/^(19029|231\d\d)/.test(cospar)) {
      out.push(lines[i] ?? '', l1, lines[i + 2] ?? '');
      ids.push(Number(l1.slice(2, 7)));
    }
  }
  return { text: `${out.join('\n')}\n`, noradCatIds: ids };
}

/** The screening window used by the service tests: 12 h from the catalog snapshot, Unix ms UTC. */
export const TEST_WINDOW = {
  startUtc: '2023-10-09T12:00:00.000Z',
  endUtc: '2023-10-10T00:00:00.000Z',
  thresholdKm: 10,
} as const;
