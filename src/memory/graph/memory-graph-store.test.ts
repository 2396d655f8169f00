import { describeGraphStoreContract } from './graph-store.contract.js';
import { MemoryGraphStore } from './memory-graph-store.js';

describeGraphStoreContract('memory', async () => {
  const store = new MemoryGraphStore();
  return { store, cleanup: () => store.close() };
});
