/** Holds the Kùzu graph in `argv[2]` open, as an ingest in another process does, until killed: node --import tsx hold-graph.ts DIR */
import { KuzuDatabase } from '../../../src/memory/graph/kuzu/kuzu-database.js';

const db = await KuzuDatabase.open(process.argv[2]);
process.stdout.write('holding\n');
process.on('SIGTERM', () => void db.close().then(() => process.exit(0)));
setInterval(() => undefined, 1_000);
