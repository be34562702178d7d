import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/edges/cli/main.js';

async function run(...args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  try {
    const code = await main(['node', 'concord', ...args]);
    return { code, stdout };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('concord rescue CLI', () => {
  it('passports --json lists id, name, kind', async () => {
    const { code, stdout } = await run('rescue', 'passports', '--json');
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as { id: string; name: string; kind: string }[];
    expect(rows.find((r) => r.id === 'shenzhou')).toMatchObject({
      name: 'Shenzhou (CMSA / CAST)',
      kind: 'crew-vehicle',
    });
  });

  it('check --json: Crew Dragon ↔ Starliner is not compatible, C2 fails', async () => {
    const { stdout } = await run('rescue', 'check', 'crew-dragon', 'starliner', '--json');
    const r = JSON.parse(stdout) as {
      compatible: string;
      checks: { name: string; status: string; detail: string }[];
    };
    expect(r.compatible).toBe('no');
    expect(r.checks.find((c) => c.name.startsWith('C2'))?.status).toBe('fail');
  });

  it('plan --json ranks options with rescuer, feasible, arrival, reasons and delta-v', async () => {
    const { stdout } = await run(
      'rescue',
      'plan',
      '--distressed',
      'tiangong',
      '--at',
      '2025-11-05T00:00:00Z',
      '--margin-hours',
      '720',
      '--crew',
      '3',
      '--json',
    );
    const r = JSON.parse(stdout) as {
      options: {
        rescuer: string;
        feasible: boolean;
        arrival: string | null;
        reasons: string[];
        'delta-v': unknown;
      }[];
    };
    expect(r.options[0]).toMatchObject({ rescuer: 'shenzhou', feasible: true });
    expect(r.options.every((o) => Array.isArray(o.reasons) && 'delta-v' in o && 'arrival' in o)).toBe(true);
  });

  it('drill prints the message log in English and Chinese', async () => {
    const { stdout } = await run('rescue', 'drill', 'data/rescue/drill-tiangong-lifeboat.json');
    expect(stdout.match(/ {4}EN: /g)?.length).toBe(13);
    expect(stdout.match(/ {4}中文: /g)?.length).toBe(13);
    expect(stdout).toContain('REJECTED [PROTOCOL_SEQUENCE_GAP]');
    expect(stdout).toContain('Final state: resolved; accepted 11, rejected 2');
  });

  it('unknown passport: exit code 2 with a stable code', async () => {
    let stderr = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
    const { code } = await run('rescue', 'check', 'enterprise', 'iss').finally(() => spy.mockRestore());
    expect(code).toBe(2);
    expect(stderr).toContain('[RESCUE_UNKNOWN_PASSPORT]');
  });
});
