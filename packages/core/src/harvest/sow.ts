import { ShapeDtype } from '../aval.js';
import { batchAt } from '../batching/batch-trace.js';
import { ParameterError } from '../errors.js';
import { bind } from '../interpreters.js';
import { definePrimitive, type Primitive } from '../primitive.js';
import { arrayLeaves } from '../tree/flat-fn.js';
import { unflatten, type TreeDef } from '../tree/pytree.js';
import { currentScope } from './scope.js';

/**
 * What a harvest does when a name is sown more than once: `strict` raises, `clobber` keeps the
 * last value, `append` stacks every value along a new leading axis.
 */
export type SowMode = 'strict' | 'clobber' | 'append';

const MODES: readonly SowMode[] = ['strict', 'clobber', 'append'];

/** Parameters of the `sow` primitive. */
export interface SowParams {
  readonly tag: string;
  readonly name: string;
  readonly mode: SowMode;
  /** The {@link nest} scopes around the sow when it was bound, outermost first. */
  readonly scope: readonly string[];
  /** The structure of the sown value; the primitive's operands are its leaves. */
  readonly tree: TreeDef;
}

/**
 * The identity on its operands, marked with a tag and a name: harvests catch it (to reap or plant
 * the value); every other interpreter passes it through, so it survives jvp, vmap and staging.
 */
export const sowP: Primitive<SowParams> = definePrimitive<SowParams>({
  name: 'sow',
  abstractEval: (operands) => [...operands],
  decompose: (operands) => [...operands],
  // As Oryx: the primal is sown, the tangent passes by untouched (and is never reaped).
  jvp: (primals, tangents, params) => [bind(sowP, primals, params), [...tangents]],
  transpose: (cts, operands) => operands.map((x, i) => (x instanceof ShapeDtype ? cts[i]! : null)),
  // Every leaf is sown with its batch axis first, so a harvest below the vmap reaps (and must be
  // planted) values batched along axis 0.
  batch: (operands, dims, params, size) => [
    bind(
      sowP,
      operands.map((x, i) => batchAt(x, dims[i]!, 0, size)),
      params,
    ),
    operands.map(() => 0),
  ],
});

/** Options of {@link sow}. */
export interface SowOptions {
  /** The harvests that see this value are those of this tag. */
  readonly tag: string;
  /** The key of the value in the reaped (or planted) object. */
  readonly name: string;
  /** Default `strict`. */
  readonly mode?: SowMode;
}

function checkName(value: unknown, what: string): void {
  if (typeof value !== 'string' || value === '') {
    throw new ParameterError(`sow: ${what} must be a non-empty string, got ${String(value)}`);
  }
}

/**
 * Marks `value` (an array or any pytree of arrays) as an intermediate that a harvest of `tag` can
 * collect ({@link reap}) or replace ({@link plant}); outside a harvest it returns `value` (JS
 * numbers in it become scalar arrays). Under jit the sow is staged, so a harvest of the compiled
 * program still sees it.
 *
 * @example
 * ```ts
 * const f = (x: ax.Array) => ax.sow(x.add(1), { tag: 'debug', name: 'y' }).mul(2);
 * f(ax.ones([2]));                                   // [4, 4]
 * ax.reap(f, { tag: 'debug' })(ax.ones([2]));        // [[4, 4], { y: [2, 2] }]
 * ax.plant(f, { tag: 'debug' })({ y: ax.zeros([2]) }, ax.ones([2])); // [0, 0]
 * ```
 */
export function sow<T>(value: T, { tag, name, mode = 'strict' }: SowOptions): T {
  checkName(tag, 'tag');
  checkName(name, 'name');
  if (!MODES.includes(mode)) {
    throw new ParameterError(`sow '${name}': mode must be one of ${MODES.join(', ')}, got '${String(mode)}'`);
  }
  const [leaves, tree] = arrayLeaves(value, `sow '${name}'`);
  return unflatten<T>(tree, bind(sowP, leaves, { tag, name, mode, scope: currentScope(), tree }));
}
