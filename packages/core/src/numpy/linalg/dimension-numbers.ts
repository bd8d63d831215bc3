import type { ConvDimensionNumbers } from '../../primitives/params.js';
import { ParameterError } from '../../errors.js';

/**
 * Convolution layouts: JAX's strings for input, kernel and output (`['NHWC', 'HWIO', 'NHWC']`; `N`
 * batch, `C` feature, `O`/`I` output/input feature, any other letters spatial), or the axis
 * permutations themselves.
 */
export type ConvLayout = readonly [string, string, string] | ConvDimensionNumbers;

function check(where: string, spec: string, ndim: number, pair: string, role: string): void {
  const [a, b] = [...pair];
  const count = (c: string): number => [...spec].filter((s) => s === c).length;
  if (spec.length !== ndim || count(a!) !== 1 || count(b!) !== 1 || new Set(spec).size !== spec.length) {
    throw new ParameterError(
      `${where}: the ${role} layout '${spec}' must name each of the ${ndim} axes once, with one '${a}' and one '${b}'`,
    );
  }
}

/**
 * The axis permutations of a layout, as JAX's `conv_general_permutations`: `[batch, feature,
 * ...spatial]` for input and output, `[out, in, ...spatial]` for the kernel, with the spatial axes
 * in the order the kernel layout lists them. `undefined` is NCHW / OIHW / NCHW.
 *
 * @example
 * ```ts
 * convDimensionNumbers('conv', ['NHWC', 'HWIO', 'NHWC'], 4, 4);
 * // { lhsSpec: [0, 3, 1, 2], rhsSpec: [3, 2, 0, 1], outSpec: [0, 3, 1, 2] }
 * ```
 */
export function convDimensionNumbers(
  where: string,
  layout: ConvLayout | undefined,
  lhsNdim: number,
  rhsNdim: number,
): ConvDimensionNumbers {
  const identity = (n: number): number[] => globalThis.Array.from({ length: n }, (_, i) => i);
  if (layout === undefined) {
    return { lhsSpec: identity(lhsNdim), rhsSpec: identity(rhsNdim), outSpec: identity(lhsNdim) };
  }
  if ('lhsSpec' in layout) return layout;
  const [lhs, rhs, out] = layout;
  check(where, lhs, lhsNdim, 'NC', 'input');
  check(where, rhs, rhsNdim, 'OI', 'kernel');
  check(where, out, lhsNdim, 'NC', 'output');
  const spatial = (spec: string, pair: string): string => [...spec].filter((c) => !pair.includes(c)).join('');
  const kernelSpatial = spatial(rhs, 'OI');
  const sameLetters = (s: string): boolean => [...s].sort().join('') === [...kernelSpatial].sort().join('');
  if (!sameLetters(spatial(lhs, 'NC')) || !sameLetters(spatial(out, 'NC'))) {
    throw new ParameterError(
      `${where}: layouts '${lhs}', '${rhs}', '${out}' must name the same spatial axes`,
    );
  }
  const perm = (spec: string, pair: string): number[] => [
    spec.indexOf(pair[0]!),
    spec.indexOf(pair[1]!),
    ...[...kernelSpatial].map((c) => spec.indexOf(c)),
  ];
  return { lhsSpec: perm(lhs, 'NC'), rhsSpec: perm(rhs, 'OI'), outSpec: perm(out, 'NC') };
}
