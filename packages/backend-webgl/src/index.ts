/**
 * Addax on WebGL. Importing this package registers the `webgl` backend with priority 10, so it is
 * the default wherever it starts (a browser with WebGL2; Node with headless-gl under an X display);
 * elsewhere `listBackends()` says why it did not, and the next backend runs.
 *
 * @packageDocumentation
 */
import { registerBackend } from '@addax/core';
import '@tensorflow/tfjs-backend-webgl';
import { createWebGLBackend } from './backend.js';

registerBackend('webgl', createWebGLBackend, { priority: 10 });

export { createWebGLBackend, type WebGLBackend } from './backend.js';
export { CPU_FALLBACKS } from './fallback.js';
export type { WebGLData } from './data.js';
export type { WebGLMemory } from './memory.js';
