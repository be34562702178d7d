import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the built CLI is `bin/concord.js` there). */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface ConcordRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built CLI as a user would, in `cwd`, and collect its output (async: tests may run several at once). */
export function runConcord(cwd: string, ...args: string[]): Promise<ConcordRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/concord.js'), ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
