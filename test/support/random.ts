export { seededRandom as random } from '../../src/core/seeded-random.ts';
