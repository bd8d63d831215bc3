import { plant } from './plant.js';
import { reap, type Reaped } from './reap.js';
import type { HarvestOptions } from './context.js';

/**
 * {@link plant} and {@link reap} at once (Oryx's `harvest`): the values in `plants` replace their
 * sows, and every other sow of `tag` is reaped, so a harvested function has no sows of `tag` left.
 *
 * @example
 * ```ts
 * const f = (x: ax.Array) => ax.sow(x.add(1), { tag: 't', name: 'y' }).add(1);
 * ax.harvest(f, { tag: 't' })({ y: ax.scalar(0) }, ax.scalar(1)); // [1, {}]
 * ax.harvest(f, { tag: 't' })({}, ax.scalar(1));                  // [3, { y: 2 }]
 * ```
 */
export function harvest<A extends unknown[], R>(
  f: (...args: A) => R,
  options: HarvestOptions,
): (plants: Reaped, ...args: A) => [R, Reaped] {
  return reap(plant(f, options), options);
}
