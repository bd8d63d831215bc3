import fc from 'fast-check';
import type * as ax from '@addax/core';
import { dtypeArb } from '../arbitraries/dtypes.js';
import { shapeArb } from '../arbitraries/shapes.js';
import { domainEdges, hostArrayArb, type Domain } from '../arbitraries/values.js';
import { formatNumber } from '../format.js';
import { EXACT, type Tolerance } from '../tolerance.js';
import type { Case, PrimitiveSpec } from './spec.js';

/** One operand's domain per dtype; a dtype not listed draws from its whole range. */
export type OperandDomains = Partial<Record<ax.DType, Domain>>;

/** What sets one elementwise primitive's spec apart. */
export interface ElementwiseOptions {
  readonly dtypes: readonly ax.DType[];
  /** One entry per operand; default one operand over every value. */
  readonly operands?: readonly OperandDomains[];
  /** Default exact. */
  readonly tolerance?: Tolerance;
  /** Default no parameters. */
  readonly params?: fc.Arbitrary<object>;
}

/**
 * Cases of an elementwise primitive: operands of one dtype (one of `dtypes`) and one shape, each
 * drawn from its domain.
 *
 * @example
 * ```ts
 * elementwiseCases(['float32'], [{}, { float32: { min: -2, max: 2 } }]);
 * ```
 */
export function elementwiseCases(
  dtypes: readonly ax.DType[],
  operands: readonly OperandDomains[],
  params: fc.Arbitrary<object> = fc.constant({}),
): fc.Arbitrary<Case> {
  return fc
    .tuple(dtypeArb(dtypes), shapeArb(), params)
    .chain(([dtype, shape, p]) =>
      fc
        .tuple(...operands.map((d) => hostArrayArb(dtype, shape, d[dtype])))
        .map((xs): Case => ({ operands: xs, params: p })),
    );
}

function describeDomain(dtype: ax.DType, domain: Domain): string {
  const range =
    domain.min === undefined && domain.max === undefined
      ? 'any value'
      : `[${formatNumber(domain.min ?? -Infinity)}, ${formatNumber(domain.max ?? Infinity)}]`;
  return `${dtype} ${range}, edges ${domainEdges(dtype, domain).map(formatNumber).join(' ')}`;
}

/** The domains in words: `dtypes; operand 1: float32 [0, 40], edges 0 1 31 32`. */
export function describeDomains(dtypes: readonly ax.DType[], operands: readonly OperandDomains[]): string {
  const special = operands.flatMap((domains, i) =>
    Object.entries(domains).map(([dtype, d]) => `operand ${i}: ${describeDomain(dtype as ax.DType, d)}`),
  );
  return [`${dtypes.join(', ')}; any value and edge values`, ...special].join('; ');
}

/**
 * The spec of an elementwise primitive.
 *
 * @example
 * ```ts
 * elementwiseSpec('log', { dtypes: ['float32'], operands: [{ float32: { min: 0 } }], tolerance: ulps(2) });
 * ```
 */
export function elementwiseSpec(name: string, options: ElementwiseOptions): PrimitiveSpec {
  const operands = options.operands ?? [{}];
  return {
    name,
    cases: elementwiseCases(options.dtypes, operands, options.params),
    tolerance: options.tolerance ?? EXACT,
    domain: describeDomains(options.dtypes, operands),
  };
}
