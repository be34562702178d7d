#!/usr/bin/env node
// Thin launcher: the CLI lives in the compiled edge (dist/edges/cli). `npm install` builds it (prepare script).
import { main } from '../dist/edges/cli/main.js';

// `concord ... | head` closes the pipe early: that is not an error, stop quietly.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(
      `concord: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 70;
  },
);
