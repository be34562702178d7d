import type { Command } from 'commander';

/** Every command registers itself here, one line each, so `concord --help` lists them all. */
export function registerCommands(program: Command): void {
  void program;
}
