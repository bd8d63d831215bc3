// Optimizers as optax defines them: pure init/update functions on pytrees.
export { adam, adamw, type AdamOptions, type AdamState, type AdamWOptions } from './adam.js';
export { applyUpdates } from './apply-updates.js';
export { type LearningRate, type Optimizer, type OptimizerState, type Schedule } from './optimizer.js';
export { momentum, sgd, type MomentumOptions, type MomentumState } from './sgd.js';
