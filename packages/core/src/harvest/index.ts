// The harvest rules of the control-flow primitives register themselves.
import './cond.js';
import './scan.js';
import './while.js';

export { harvest } from './harvest.js';
export type { HarvestOptions } from './context.js';
export { plant } from './plant.js';
export { reap, type Reaped } from './reap.js';
export { nest, type NestOptions } from './scope.js';
export { sow, sowP, type SowMode, type SowOptions, type SowParams } from './sow.js';
