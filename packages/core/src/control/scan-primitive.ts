import type { Array } from '../array.js';
import { ShapeDtype } from '../aval.js';
import { ParameterError, ShapeError } from '../errors.js';
import { bind } from '../interpreters.js';
import { evalIR } from '../ir/eval-ir.js';
import type { IR } from '../ir/ir.js';
import { definePrimitive } from '../primitive.js';
import { checkAvals } from './check-avals.js';
import { flags } from './lists.js';
import { stageOpenFn } from './open-ir.js';
import { scanBatch } from './scan-batch.js';
import { scanEval } from './scan-eval.js';
import { scanJvp } from './scan-jvp.js';
import { scanTranspose } from './scan-transpose.js';

/**
 * Params of the `scan` primitive (JAX's `scan`). Operands are `[...consts, ...init, ...xs]`; the
 * body maps `(consts, carry, x)` to `(carry, y)`, where `x` is one row (along axis 0) of each of
 * `xs`; outputs are the final carry and every `y` stacked along a new axis 0.
 */
export interface ScanParams {
  readonly body: IR;
  readonly numConsts: number;
  readonly numCarry: number;
  /** How many iterations, the leading size of every `xs` and `ys`. */
  readonly length: number;
  /** Whether iterations run from the last row to the first. */
  readonly reverse: boolean;
  /**
   * Per operand: whether the scan is linear in it (a tangent), which the transpose rule needs to
   * tell tangents from residuals even where a tangent is a known constant.
   */
  readonly linear: readonly boolean[];
}

/** `aval` with a leading axis of `length`: a stacked `xs` or `ys`. */
export function stackedAval(aval: ShapeDtype, length: number): ShapeDtype {
  return new ShapeDtype([length, ...aval.shape], aval.dtype);
}

/**
 * `scan(...consts, ...init, ...xs)`: the body run once per row of the xs, threading the carry.
 * Eagerly a loop; under staging one equation holding the body; see {@link scanWithBody} to make
 * one with a new body.
 */
export const scanP = definePrimitive<ScanParams>({
  name: 'scan',
  abstractEval: (operands, { body, numConsts, numCarry, length, linear }) => {
    if (!Number.isInteger(length) || length < 0) {
      throw new ParameterError(`scan: length must be a non-negative integer, got ${length}`);
    }
    if (linear.length !== operands.length) {
      throw new ParameterError(`scan: linear has ${linear.length} flags for ${operands.length} operands`);
    }
    const inAvals = body.inAvals;
    const rows = inAvals.slice(numConsts + numCarry).map((a) => stackedAval(a, length));
    checkAvals('scan', 'operand', operands, [...inAvals.slice(0, numConsts + numCarry), ...rows]);
    const outAvals = body.outAvals;
    const carry = inAvals.slice(numConsts, numConsts + numCarry);
    if (outAvals.length < numCarry) {
      throw new ShapeError(
        `scan: the body returns ${outAvals.length} values, fewer than its ${numCarry} carries`,
      );
    }
    checkAvals('scan', 'carry output', outAvals.slice(0, numCarry), carry, 'but the carry input is');
    return [...carry, ...outAvals.slice(numCarry).map((a) => stackedAval(a, length))];
  },
  decompose: scanEval,
  jvp: scanJvp,
  transpose: scanTranspose,
  batch: scanBatch,
});

/**
 * Binds `scan` again on the operands of a scan equation with `params`, with a new body: how a
 * transformation that rewrites loop bodies makes its scan. `body(consts, carry, x)` gets the old
 * body's inputs (as tracers of the new body) and returns `[carry, ys]`; the carry must keep its
 * shapes and dtypes, the ys may differ from the old body's (as harvest's reap appends the values
 * sown in the loop, or the jvp rule appends the carries it needs). Whatever the new body closes
 * over becomes leading constant operands, so the result is an ordinary scan equation under every
 * transformation. Returns `[...carry, ...ys]`, each `ys` stacked along axis 0.
 *
 * @example
 * ```ts
 * // A scan equation whose body also returns each iteration's carry as an extra y:
 * const outs = scanWithBody(operands, params, (consts, carry, x) => {
 *   const o = ax.evalIR(params.body, [...consts, ...carry, ...x]);
 *   return [o.slice(0, params.numCarry), [...o.slice(params.numCarry), ...carry]];
 * });
 * ```
 */
export function scanWithBody(
  operands: readonly Array[],
  params: ScanParams,
  body: (consts: Array[], carry: Array[], x: Array[]) => [readonly Array[], readonly Array[]],
): Array[] {
  const { numConsts, numCarry } = params;
  const open = stageOpenFn((...args) => {
    const [carry, ys] = body(
      args.slice(0, numConsts),
      args.slice(numConsts, numConsts + numCarry),
      args.slice(numConsts + numCarry),
    );
    return [...carry, ...ys];
  }, params.body.inAvals);
  return bind(scanP, [...open.consts, ...operands], {
    ...params,
    body: open.ir,
    numConsts: open.consts.length + numConsts,
    linear: [...flags(open.consts.length, false), ...params.linear],
  });
}

/** Runs one scan body on concrete or traced values: `(consts, carry, x) -> [carry, y]`. */
export function runBody(
  params: ScanParams,
  consts: readonly Array[],
  carry: readonly Array[],
  x: readonly Array[],
): [Array[], Array[]] {
  const outs = evalIR(params.body, [...consts, ...carry, ...x]);
  return [outs.slice(0, params.numCarry), outs.slice(params.numCarry)];
}
