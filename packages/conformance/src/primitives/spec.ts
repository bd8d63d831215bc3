import type fc from 'fast-check';
import type { HostArray } from '../host.js';
import type { Tolerance } from '../tolerance.js';

/** One application of a primitive: its operands' contents and its (canonical) parameters. */
export interface Case {
  readonly operands: readonly HostArray[];
  readonly params: object;
}

/**
 * How one primitive is checked: where its cases come from (operands, parameters, the input
 * domain), and how close a backend's float32 results must be to the reference's.
 *
 * @example
 * ```ts
 * const neg: PrimitiveSpec = {
 *   name: 'neg',
 *   cases: elementwiseCases(['float32', 'int32'], 1),
 *   tolerance: EXACT,
 *   domain: 'any value',
 * };
 * ```
 */
export interface PrimitiveSpec {
  /** The primitive's name, as `ax.lookupPrimitive` knows it. */
  readonly name: string;
  readonly cases: fc.Arbitrary<Case>;
  /** For float32 outputs; integer and bool outputs are always compared exactly. */
  readonly tolerance: Tolerance;
  /** For `sum` and `product` tolerances: the number of terms in each output element. */
  readonly terms?: (c: Case) => number;
  /** The input domain in words (the CLI's `--list` prints it). */
  readonly domain: string;
}
