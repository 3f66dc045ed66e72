#!/usr/bin/env node
/**
 * The `tswasm` executable (package.json `bin`): runs `main` with the
 * process's arguments and exits with its status. All logic is in main.node.ts.
 */
import { main } from './main.node.js';

process.exitCode = main(process.argv.slice(2));
