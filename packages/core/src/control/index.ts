export { cond, switchCase } from './cond.js';
export { condP, type CondParams } from './cond-primitive.js';
export { forLoop } from './for-loop.js';
export { scan, type ScanOptions } from './scan.js';
export { scanP, scanWithBody, type ScanParams } from './scan-primitive.js';
export { whileLoop } from './while-loop.js';
export { whileP, type WhileParams } from './while-primitive.js';
