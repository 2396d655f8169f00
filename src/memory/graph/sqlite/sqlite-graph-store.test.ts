import { openTempFactDatabase } from '../../facts/test-support/fact-database.js';
import { describeGraphStoreContract } from '../graph-store.contract.js';
import { SqliteGraphStore } from './sqlite-graph-store.js';

describeGraphStoreContract('sqlite', async () => {
  const { db, cleanup } = openTempFactDatabase('outro-sqlite-graph-');
  const store = new SqliteGraphStore(db);
  return {
    store,
    cleanup: async () => {
      await store.close();
      cleanup();
    },
  };
});
