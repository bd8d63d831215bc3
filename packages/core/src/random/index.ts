// JAX-compatible random numbers (the classic, non-partitionable threefry layout); one sampler per file.
export { bernoulli } from './bernoulli.js';
export { bits } from './bits.js';
export { categorical, type CategoricalOptions } from './categorical.js';
export { gumbel } from './gumbel.js';
export { key } from './key.js';
export { normal, type FloatSampleOptions } from './normal.js';
export { permutation, type PermutationOptions } from './permutation.js';
export { randint } from './randint.js';
export { foldIn, split, unstackKeys } from './split.js';
export { truncatedNormal } from './truncated-normal.js';
export { uniform, type UniformOptions } from './uniform.js';
