export { asArray, broadcastTo, promotedDType } from './convert.js';
export * from './shape.js';
export * from './joining.js';
export * from './indexing.js';
export * from './tiling.js';
import './shape-methods.js';
