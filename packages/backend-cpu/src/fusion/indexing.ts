import { stridesOf, type BroadcastInDimParams, type Shape } from '@addax/core';

/**
 * The index along output axes `first..last` (taken together, row-major) of flat position `i` in an
 * array of `shape`: `floor(i / stride(last)) % size(first..last)`, without the parts that are
 * always 1 or never wrap.
 */
export function axesIndex(shape: Shape, first: number, last: number): string {
  const stride = stridesOf(shape)[last]!;
  const size = shape.slice(first, last + 1).reduce((a, b) => a * b, 1);
  const quotient = stride === 1 ? 'i' : `((i / ${stride}) | 0)`;
  return first === 0 ? quotient : `${quotient} % ${size}`;
}

/**
 * Where element `i` of a broadcastInDim's output reads its operand: a sum of one term per run of
 * operand axes that map to consecutive output axes (axes of size 1 read index 0 and drop out);
 * `'0'` when the operand is read at one place only.
 */
export function broadcastIndex(operand: Shape, { shape, broadcastDimensions }: BroadcastInDimParams): string {
  const strides = stridesOf(operand);
  const terms: string[] = [];
  let run: { first: number; last: number; axis: number } | undefined;
  const close = (): void => {
    if (!run) return;
    const stride = strides[run.axis]!;
    const index = axesIndex(shape, run.first, run.last);
    terms.push(stride === 1 ? index : `${index} * ${stride}`);
    run = undefined;
  };
  broadcastDimensions.forEach((d, k) => {
    if (run && operand[k] !== 1 && run.last === d - 1 && run.axis === k - 1) {
      run = { ...run, last: d, axis: k };
      return;
    }
    close();
    if (operand[k] !== 1) run = { first: d, last: d, axis: k };
  });
  close();
  return terms.length === 0 ? '0' : terms.join(' + ');
}
