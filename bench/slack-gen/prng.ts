export { cumulativeWeights, Prng } from '../../src/domain/seeded-random.js';
