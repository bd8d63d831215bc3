// Plain float64 loops over 2-D windows, written from the definitions, to check the conv, deconv and
// pooling layers against. Images are row-major [H, W, C], kernels [kh, kw, I, O].

/** XLA's 'SAME' padding of one axis: `ceil(size / stride)` outputs, the smaller half of the padding first. */
export function samePadding(size: number, window: number, stride: number): [number, number] {
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + window - size, 0);
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

/** The padding of `padding` for one axis of a (non-transposed) window. */
export function windowPadding(
  padding: 'SAME' | 'VALID',
  size: number,
  window: number,
  stride: number,
): [number, number] {
  return padding === 'SAME' ? samePadding(size, window, stride) : [0, 0];
}

/** Geometry of a 2-D window over an input dilated by `inputDilation` and padded by `pads`. */
export interface Geometry {
  readonly strides: readonly [number, number];
  readonly pads: readonly [readonly [number, number], readonly [number, number]];
  readonly dilation: readonly [number, number];
  readonly inputDilation: readonly [number, number];
}

/** The input element at padded, dilated position `(j0, j1)` of channel `c`, or undefined in padding and holes. */
function at(
  x: readonly number[],
  shape: readonly number[],
  g: Geometry,
  j0: number,
  j1: number,
  c: number,
): number | undefined {
  const p = [j0 - g.pads[0][0], j1 - g.pads[1][0]];
  const i: number[] = [];
  for (let a = 0; a < 2; a++) {
    const d = g.inputDilation[a]!;
    if (p[a]! < 0 || p[a]! % d !== 0 || p[a]! / d >= shape[a]!) return undefined;
    i.push(p[a]! / d);
  }
  return x[(i[0]! * shape[1]! + i[1]!) * shape[2]! + c];
}

function outSizes(shape: readonly number[], window: readonly number[], g: Geometry): [number, number] {
  const size = (a: number): number => {
    const padded = (shape[a]! - 1) * g.inputDilation[a]! + 1 + g.pads[a]![0] + g.pads[a]![1];
    const span = (window[a]! - 1) * g.dilation[a]! + 1;
    return padded < span ? 0 : Math.floor((padded - span) / g.strides[a]!) + 1;
  };
  return [size(0), size(1)];
}

/** `sum over ky, kx, c of x[oy*s + ky*d, ox*s + kx*d, c] * w[ky, kx, c, o]`: out `[OH, OW, O]`. */
export function convReference(
  x: readonly number[],
  xShape: readonly number[],
  w: readonly number[],
  wShape: readonly number[],
  g: Geometry,
): { values: number[]; shape: number[] } {
  const [kh, kw, ci, co] = wShape as [number, number, number, number];
  const [oh, ow] = outSizes(xShape, [kh, kw], g);
  const values: number[] = [];
  for (let oy = 0; oy < oh; oy++) {
    for (let ox = 0; ox < ow; ox++) {
      for (let o = 0; o < co; o++) {
        let s = 0;
        for (let ky = 0; ky < kh; ky++) {
          for (let kx = 0; kx < kw; kx++) {
            for (let c = 0; c < ci; c++) {
              const v = at(
                x,
                xShape,
                g,
                oy * g.strides[0] + ky * g.dilation[0],
                ox * g.strides[1] + kx * g.dilation[1],
                c,
              );
              if (v !== undefined) s += v * w[((ky * kw + kx) * ci + c) * co + o]!;
            }
          }
        }
        values.push(s);
      }
    }
  }
  return { values, shape: [oh, ow, co] };
}

/**
 * Each channel's windows reduced by `reduce` over the input elements they cover (padding left
 * out), as `[OH, OW, C]`; with `argmax`, the flat input index of each window's first maximum.
 */
export function poolReference(
  x: readonly number[],
  xShape: readonly number[],
  window: readonly [number, number],
  g: Geometry,
  reduce: (covered: number[]) => number,
): { values: number[]; shape: number[]; argmax: number[] } {
  const [oh, ow] = outSizes(xShape, window, g);
  const channels = xShape[2]!;
  const values: number[] = [];
  const argmax: number[] = [];
  for (let oy = 0; oy < oh; oy++) {
    for (let ox = 0; ox < ow; ox++) {
      for (let c = 0; c < channels; c++) {
        const covered: number[] = [];
        const where: number[] = [];
        for (let ky = 0; ky < window[0]; ky++) {
          for (let kx = 0; kx < window[1]; kx++) {
            const j0 = oy * g.strides[0] + ky;
            const j1 = ox * g.strides[1] + kx;
            const v = at(x, xShape, g, j0, j1, c);
            if (v === undefined) continue;
            covered.push(v);
            where.push(((j0 - g.pads[0][0]) * xShape[1]! + (j1 - g.pads[1][0])) * channels + c);
          }
        }
        values.push(reduce(covered));
        argmax.push(where[covered.indexOf(Math.max(...covered))]!);
      }
    }
  }
  return { values, shape: [oh, ow, channels], argmax };
}

export const maxOf = (v: number[]): number => Math.max(...v);
export const sumOf = (v: number[]): number => v.reduce((a, b) => a + b, 0);
export const meanOf = (v: number[]): number => sumOf(v) / v.length;
