import { join } from 'node:path';
import { EventLog } from '../event-log.js';
import { MIGRATIONS } from '../migrations/index.js';
import { openDatabase } from '../sqlite.js';
import { makeTempDir } from '../../test-support/temp-dir.js';
import { busContract } from './bus-contract.js';
import { SqliteBus } from './sqlite-bus.js';

busContract('SQLite', (options) => {
  const temp = makeTempDir();
  const db = openDatabase(join(temp.dir, 'outro.db'), {
    migrations: MIGRATIONS.filter((migration) => migration.version <= 5),
  });
  return {
    bus: new SqliteBus(db, new EventLog(db), options),
    close: () => {
      db.close();
      temp.cleanup();
    },
  };
});
