import type { Command } from 'commander';
import { registerCatalogCommand } from './catalog.js';
import { registerCdmCommand } from './cdm.js';
import { registerPartyCommand } from './party.js';
import { registerPcCommand } from './pc.js';
import { registerPropagateCommand } from './propagate.js';
import { registerRescueCommand } from './rescue.js';
import { registerScreenCommand } from './screen.js';
import { registerServeCommand } from './serve.js';
import { registerWorkerCommand } from './worker.js';

/** Every command registers itself here, one line each, so `concord --help` lists them all. */
export function registerCommands(program: Command): void {
  registerCatalogCommand(program);
  registerPropagateCommand(program);
  registerPcCommand(program);
  registerCdmCommand(program);
  registerRescueCommand(program);
  registerScreenCommand(program);
  registerServeCommand(program);
  registerWorkerCommand(program);
  registerPartyCommand(program);
}
