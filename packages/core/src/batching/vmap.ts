import { tidy } from '../eager.js';
import { AddaxError, ShapeError } from '../errors.js';
import { arrayLeaves, flattenFn } from '../tree/flat-fn.js';
import { leaves, unflatten } from '../tree/pytree.js';
import { vmapFlat } from './batch-trace.js';

/** An axis spec: an axis (negative counts from the end) or `null` for unmapped. */
export type AxisSpec = number | null;

/** Options of {@link vmap}. */
export interface VmapOptions {
  /**
   * Which axis of each argument to map over: one spec for all arguments, or a list with one entry
   * per argument, each a spec or a pytree of specs matching that argument (JAX's `in_axes`).
   * Default 0.
   */
  readonly inAxes?: unknown;
  /** Where the mapped axis goes in each output, as a spec or a pytree prefix of the output. Default 0. */
  readonly outAxes?: unknown;
  /** The batch size, needed only when no argument is mapped. */
  readonly axisSize?: number;
}

function isSpec(x: unknown): x is AxisSpec | undefined {
  return x === null || x === undefined || typeof x === 'number';
}

/** The spec of every leaf of `tree`, from `prefix`, a pytree prefix of it (JAX's `broadcast_prefix`). */
export function broadcastPrefix(prefix: unknown, tree: unknown, where: string): AxisSpec[] {
  if (isSpec(prefix)) return leaves(tree).map(() => prefix ?? null);
  if (globalThis.Array.isArray(prefix)) {
    if (!globalThis.Array.isArray(tree) || tree.length !== prefix.length) {
      throw new AddaxError(
        `${where}: the spec is a list of ${prefix.length}, but the value there is not a list of that length`,
      );
    }
    return prefix.flatMap((p, i) => broadcastPrefix(p, tree[i], where));
  }
  if (typeof prefix === 'object' && typeof tree === 'object' && tree !== null) {
    const spec = prefix as Record<string, unknown>;
    const value = tree as Record<string, unknown>;
    const keys = Object.keys(value).sort();
    const specKeys = Object.keys(spec).sort();
    if (keys.join() !== specKeys.join()) {
      throw new AddaxError(
        `${where}: the spec has keys {${specKeys.join(', ')}}, the value {${keys.join(', ')}}`,
      );
    }
    return keys.flatMap((k) => broadcastPrefix(spec[k], value[k], where));
  }
  throw new AddaxError(`${where}: axis specs are numbers, null, or lists and objects of them`);
}

function normalizeAxis(axis: AxisSpec, ndim: number, what: string): AxisSpec {
  if (axis === null) return null;
  if (!Number.isInteger(axis) || axis < -ndim || axis >= ndim) {
    throw new ShapeError(`vmap: ${what} has axis ${axis}, out of range for rank ${ndim}`);
  }
  return axis < 0 ? axis + ndim : axis;
}

/**
 * Vectorizes `f` over a batch axis (`jax.vmap`): the result equals calling `f` on each slice along
 * the mapped axes and stacking the results along `outAxes`, but each primitive runs once on the
 * whole batch, by its batch rule.
 *
 * @example
 * ```ts
 * const dot = (a: ax.Array, b: ax.Array) => ax.sum(a.mul(b));
 * ax.vmap(dot)(ax.ones([5, 3]), ax.ones([5, 3]));              // shape [5]
 * ax.vmap(dot, { inAxes: [null, 0] })(ax.ones([3]), ax.ones([5, 3])); // shape [5]
 * ```
 */
export function vmap<A extends unknown[], R>(
  f: (...args: A) => R,
  options: VmapOptions = {},
): (...args: A) => R {
  const { inAxes = 0, outAxes = 0 } = options;
  return (...args) =>
    tidy(() => {
      const [flatArgs, inDef] = arrayLeaves(args, 'vmap');
      const specs = broadcastPrefix(inAxes, args, 'vmap inAxes');
      const dims = specs.map((s, i) => normalizeAxis(s, flatArgs[i]!.ndim, `argument leaf ${i}`));
      const sizes = new Set<number>();
      dims.forEach((d, i) => {
        if (d !== null) sizes.add(flatArgs[i]!.shape[d]!);
      });
      if (sizes.size > 1) {
        const detail = dims
          .map((d, i) => (d === null ? null : `leaf ${i} has size ${flatArgs[i]!.shape[d]} along axis ${d}`))
          .filter((s) => s !== null)
          .join('; ');
        throw new ShapeError(`vmap got inconsistent sizes for the mapped axes: ${detail}`);
      }
      const axisSize = sizes.size === 1 ? [...sizes][0]! : options.axisSize;
      if (axisSize === undefined) {
        throw new AddaxError('vmap: no argument is mapped (all inAxes are null), so pass axisSize');
      }
      if (options.axisSize !== undefined && options.axisSize !== axisSize) {
        throw new ShapeError(`vmap: axisSize ${options.axisSize} does not match the mapped size ${axisSize}`);
      }
      const flat = flattenFn(f as (...args: never[]) => unknown, inDef, 'vmap');
      let outSpecs: AxisSpec[] = [];
      const outs = vmapFlat(
        (...xs) => {
          const ys = flat.fn(...xs);
          outSpecs = broadcastPrefix(outAxes, unflatten(flat.outDef(), ys), 'vmap outAxes');
          return ys;
        },
        flatArgs,
        dims,
        (i, ndim) => normalizeAxis(outSpecs[i]!, ndim + 1, `output leaf ${i}`),
        axisSize,
      );
      return unflatten<R>(flat.outDef(), outs);
    });
}
