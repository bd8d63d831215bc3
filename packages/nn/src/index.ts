/**
 * Addax's neural networks: Oryx's `Template`, `Layer` and `LayerParams` with the layers built on
 * them, Pax's `BaseLayer`, initialisers, losses and optimizers (pure functions on pytrees).
 *
 * @packageDocumentation
 */
export * from './base/index.js';
export * as initializers from './initializers/index.js';
export * as losses from './losses/index.js';
export * from './losses/index.js';
export * from './optimizers/index.js';
export * from './layers/index.js';
export * as pax from './pax/index.js';
export { BaseLayer, WeightHParams, WeightInit, fanInFanOut, withContext } from './pax/index.js';
