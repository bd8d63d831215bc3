import * as ax from '@addax/core';
import { flattenArrays } from '../array-leaves.js';
import { leavesLike } from './checks.js';

/**
 * `params + updates`, leaf by leaf, each result in its parameter's dtype (optax's
 * `apply_updates`). The two pytrees must have the same structure and leaf shapes.
 *
 * @example
 * ```ts
 * const [updates, state] = opt.update(grads, opt.init(params));
 * const next = nn.applyUpdates(params, updates);
 * ```
 */
export function applyUpdates<P>(params: P, updates: unknown): P {
  const where = 'applyUpdates';
  const [p, def] = flattenArrays(where, 'params', params);
  const u = leavesLike(where, 'updates', updates, 'params', def, p);
  return ax.tidy(() =>
    ax.tree.unflatten<P>(
      def,
      p.map((x, i) => {
        const sum = ax.add(x, u[i]!);
        return sum.dtype === x.dtype ? sum : sum.astype(x.dtype);
      }),
    ),
  );
}
