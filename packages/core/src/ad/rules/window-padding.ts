/** The sizes of one windowed operation (conv or reduceWindow) over its spatial or window axes. */
export interface WindowGeometry {
  /** Operand sizes, before dilation and padding. */
  readonly inShape: readonly number[];
  readonly windowShape: readonly number[];
  readonly outShape: readonly number[];
  readonly strides: readonly number[];
  readonly padding: readonly (readonly [number, number])[];
  readonly baseDilation: readonly number[];
  readonly windowDilation: readonly number[];
}

/** The extent of `size` elements with `dilation - 1` holes between each pair. */
function dilate(size: number, dilation: number): number {
  return size === 0 ? 0 : (size - 1) * dilation + 1;
}

/**
 * Padding of the output cotangent (itself dilated by the strides) under which a window of the
 * flipped kernel, striding by the base dilation, gives exactly one value per operand element:
 * JAX's `_conv_general_vjp_lhs_padding`, shared by conv's lhs transpose and reduceWindowSum's.
 *
 * @example
 * ```ts
 * // 5 elements, window 2, stride 2, no padding: 2 outputs; the ct [a, 0, b] is padded [1, 2]
 * vjpOperandPadding({ inShape: [5], windowShape: [2], outShape: [2], strides: [2],
 *   padding: [[0, 0]], baseDilation: [1], windowDilation: [1] }); // [[1, 2]]
 * ```
 */
export function vjpOperandPadding(g: WindowGeometry): [number, number][] {
  return g.inShape.map((size, i) => {
    const window = dilate(g.windowShape[i]!, g.windowDilation[i]!);
    const before = window - g.padding[i]![0] - 1;
    const after =
      dilate(size, g.baseDilation[i]!) + window - 1 - dilate(g.outShape[i]!, g.strides[i]!) - before;
    return [before, after];
  });
}

/**
 * Padding of the operand under which the output cotangent, used as a window dilated by the
 * strides, gives exactly one value per kernel tap: JAX's `_conv_general_vjp_rhs_padding`.
 *
 * @example
 * ```ts
 * vjpKernelPadding({ inShape: [5], windowShape: [2], outShape: [2], strides: [2],
 *   padding: [[0, 0]], baseDilation: [1], windowDilation: [1] }); // [[0, -1]]
 * ```
 */
export function vjpKernelPadding(g: WindowGeometry): [number, number][] {
  return g.inShape.map((size, i) => {
    const [lo] = g.padding[i]!;
    const fromOperand = dilate(g.outShape[i]!, g.strides[i]!) - dilate(size, g.baseDilation[i]!);
    const fromKernel = dilate(g.windowShape[i]!, g.windowDilation[i]!) - lo - 1;
    return [lo, fromOperand + fromKernel];
  });
}
