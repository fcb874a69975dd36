#!/usr/bin/env node
// The whole program lives in src/cli; this file only hands it the process.
import { run } from '../dist/cli/main.js';

process.exitCode = await run(process.argv.slice(2));
