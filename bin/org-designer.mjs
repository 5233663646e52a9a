#!/usr/bin/env node
// The `org` command-line checker. The core is TypeScript; tsx compiles it on the fly,
// so the CLI runs straight after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
