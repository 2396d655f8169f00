import { busContract } from './bus-contract.js';
import { MemoryBus } from './memory-bus.js';

busContract('in-memory', (options) => ({ bus: new MemoryBus(options), close: () => {} }));
