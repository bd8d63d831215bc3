import * as ax from '@addax/core';
import * as nn from '@addax/nn';

/** The layers directly inside `value`: a combinator's children, held in its params. */
function layersIn(value: unknown): nn.Layer[] {
  if (value instanceof nn.Layer) return [value];
  if (globalThis.Array.isArray(value)) return value.flatMap(layersIn);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.values(value).flatMap(layersIn);
  }
  return [];
}

/**
 * The state of `layer` and of every layer inside it (a `Serial`'s children are its params), in
 * `ax.tree.flatten` order, children after their parent.
 *
 * @example
 * ```ts
 * stateLeaves(bn); // [movingMean, movingVar]
 * ```
 */
export function stateLeaves(layer: nn.Layer): ax.Array[] {
  return [...(ax.tree.leaves(layer.state) as ax.Array[]), ...layersIn(layer.params).flatMap(stateLeaves)];
}
