import { Command, CommanderError } from 'commander';
import { ConcordError } from '../../core/result.js';
import { registerCommands } from './commands/index.js';

/**
 * Entry point of the `concord` CLI. Returns the exit code; user mistakes are printed as one clear line
 * (file, line, field) without a stack trace, internal faults propagate to the launcher.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('concord')
    .description(
      'Concord: open, neutral space-safety coordination (catalogs, propagation, screening, risk, rescue).',
    )
    .exitOverride()
    .showHelpAfterError();
  registerCommands(program);
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version display exit through here with code 0.
      return error.exitCode;
    }
    if (error instanceof ConcordError) {
      process.stderr.write(`concord: ${error.message} [${error.code}]\n`);
      return 2;
    }
    throw error;
  }
}
