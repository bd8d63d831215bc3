import { lit } from '@addax/glsl';

/** GLSL source for the index arithmetic kernels share: shapes are baked in as constants. */

export { lit };

/** Row-major strides of `shape`. */
export function strides(shape: readonly number[]): number[] {
  const out = shape.map(() => 1);
  for (let a = shape.length - 2; a >= 0; a--) out[a] = out[a + 1]! * shape[a + 1]!;
  return out;
}

/**
 * Statements declaring `float c0 ... c{r-1}`, the coordinates of flat index `i` in `shape`. The
 * `+ 0.5` keeps `floor` exact whatever the division's rounding (indices are below 2^24).
 */
export function unravel(shape: readonly number[], index = 'i', prefix = 'c'): string {
  const st = strides(shape);
  return shape
    .map((_, a) =>
      a === 0
        ? `float ${prefix}0 = floor((${index} + 0.5) / ${lit(st[0]!)});`
        : `float ${prefix}${a} = floor((${index} - (${ravelPrefix(st, a, prefix)}) + 0.5) / ${lit(st[a]!)});`,
    )
    .join(' ');
}

function ravelPrefix(st: readonly number[], upTo: number, prefix: string): string {
  return st
    .slice(0, upTo)
    .map((s, a) => `${prefix}${a} * ${lit(s)}`)
    .join(' + ');
}

/** The flat index, in row-major `shape`, of the coordinates given as GLSL expressions. */
export function ravel(shape: readonly number[], coords: readonly string[]): string {
  const st = strides(shape);
  const terms = coords.map((c, a) => (shape[a] === 1 ? '' : `(${c}) * ${lit(st[a]!)}`)).filter(Boolean);
  return terms.length ? terms.join(' + ') : '0.0';
}

/**
 * A GLSL function `float name(float i)` mapping an output index to an input index: `body` gets the
 * output coordinates `c0...` (declared for `outShape`) and returns the input's flat index.
 */
export function indexFunction(
  name: string,
  outShape: readonly number[],
  body: (coords: string[]) => string,
): string {
  const coords = outShape.map((_, a) => `c${a}`);
  return `float ${name}(float i) { ${unravel(outShape)} return ${body(coords)}; }`;
}

/** One axis of a window walk: output coordinate `c{out}`, window coordinate `k{window}`. */
export interface WindowAxis {
  readonly out: number;
  readonly window: number;
  readonly stride: number;
  readonly padLow: number;
  readonly baseDilation: number;
  readonly windowDilation: number;
  /** The operand's size and stride along the axis. */
  readonly size: number;
  readonly inStride: number;
}

/**
 * `float name(float i, float j)`: the operand offset (along `axes` only) that window position `j`
 * of output element `i` reads, or -1 where it falls on padding or a dilation hole.
 */
export function windowTapFunction(
  name: string,
  outShape: readonly number[],
  windowShape: readonly number[],
  axes: readonly WindowAxis[],
): string {
  const checks = axes.map((a, n) => {
    const t = `t${n}`;
    const q = `q${n}`;
    return (
      `float ${t} = c${a.out} * ${lit(a.stride)} + k${a.window} * ${lit(a.windowDilation)} - ${lit(a.padLow)}; ` +
      `float ${q} = floor((${t} + 0.5) / ${lit(a.baseDilation)}); ` +
      `if (${t} < 0.0 || ${t} - ${q} * ${lit(a.baseDilation)} != 0.0 || ${q} >= ${lit(a.size)}) return -1.0; ` +
      `offset += ${q} * ${lit(a.inStride)};`
    );
  });
  return (
    `float ${name}(float i, float j) { ${unravel(outShape, 'i', 'c')} ${unravel(windowShape, 'j', 'k')} ` +
    `float offset = 0.0; ${checks.join(' ')} return offset; }`
  );
}
