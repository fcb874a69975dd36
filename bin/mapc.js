#!/usr/bin/env node
// The whole program lives in src/cli (bundled into dist/bundle); this file only hands it the process.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
const { run } = await import('../dist/bundle/main.js');

process.exitCode = await run(process.argv.slice(2));
