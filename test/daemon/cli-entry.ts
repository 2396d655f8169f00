// Runs the CLI from source (no build needed): `node --import tsx test/daemon/cli-entry.ts <args>`.
// Exit status 0 on success, else the bin/outro mapping for the codes the daemon tests check.
import { main } from '../../src/cli/main.js';

const EXIT: Record<string, number> = {
  USAGE: 2,
  PARTIAL: 3,
  DAEMON_RUNNING: 7,
  DAEMON_NOT_RUNNING: 7,
  TIMEOUT: 11,
};
// As bin/outro does: what outro creates is private whatever umask the shell set.
process.umask(0o077);
const result = await main(process.argv.slice(2));
process.exitCode = result.code === undefined ? 0 : (EXIT[result.code] ?? 1);
