export { Conv2D, type Conv2DHParams } from './conv.js';
export { Sequential, type SequentialHParams } from './sequential.js';
