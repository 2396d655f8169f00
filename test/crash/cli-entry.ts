/** Runs the outro CLI in-process from source (what bin/outro does from dist/): node --import tsx test/crash/cli-entry.ts ARGS… */
import { main } from '../../src/cli/main.js';

const result = await main(process.argv.slice(2));
process.stdout.write(`exit ${result.code ?? 'ok'}\n`);
process.exitCode = result.code ? 1 : 0;
