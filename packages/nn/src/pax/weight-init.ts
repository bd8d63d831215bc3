import * as ax from '@addax/core';
import type { WeightHParams } from './weight-hparams.js';

/** The ways Praxis draws a weight. */
export type WeightInitMethod =
  | 'gaussian'
  | 'uniform'
  | 'xavier'
  | 'constant'
  | 'truncated_gaussian'
  | 'gaussian_sqrt_dim'
  | 'gaussian_sqrt_fanin'
  | 'gaussian_sqrt_fanout'
  | 'gaussian_sqrt_fanavg'
  | 'uniform_sqrt_dim'
  | 'uniform_unit_scaling'
  | 'truncated_gaussian_sqrt_dim'
  | 'truncated_gaussian_sqrt_fanin'
  | 'truncated_gaussian_sqrt_fanout';

/**
 * How a weight is drawn (Praxis's `WeightInit`): a method and a scale, made by the static
 * constructors. Immutable, so configs share them freely.
 *
 * @example
 * ```ts
 * nn.WeightInit.GaussianSqrtFanIn(2); // normal, standard deviation 2 / sqrt(fan-in)
 * ```
 */
export class WeightInit {
  private constructor(
    readonly method: WeightInitMethod,
    readonly scale: number,
  ) {
    if (!Number.isFinite(scale)) {
      throw new ax.ParameterError(`WeightInit.${method}: scale must be a finite number, got ${scale}`);
    }
  }

  /** `scale * normal(0, 1)`. */
  static Gaussian(scale = 1): WeightInit {
    return new WeightInit('gaussian', scale);
  }
  /** `scale * uniform(-1, 1)`. */
  static Uniform(scale = 1): WeightInit {
    return new WeightInit('uniform', scale);
  }
  /** `uniform(-x, x)` with `x = scale * sqrt(6 / (fanIn + fanOut))`. */
  static Xavier(scale = 1): WeightInit {
    return new WeightInit('xavier', scale);
  }
  /** Every element `scale`. */
  static Constant(scale = 1): WeightInit {
    return new WeightInit('constant', scale);
  }
  /** `scale * truncatedNormal(-2, 2)`. */
  static TruncatedGaussian(scale = 1): WeightInit {
    return new WeightInit('truncated_gaussian', scale);
  }
  /** `scale / sqrt(shape[0]) * normal(0, 1)`. */
  static GaussianSqrtDim(scale = 1): WeightInit {
    return new WeightInit('gaussian_sqrt_dim', scale);
  }
  /** `scale / sqrt(fanIn) * normal(0, 1)`. */
  static GaussianSqrtFanIn(scale = 1): WeightInit {
    return new WeightInit('gaussian_sqrt_fanin', scale);
  }
  /** `scale / sqrt(fanOut) * normal(0, 1)`. */
  static GaussianSqrtFanOut(scale = 1): WeightInit {
    return new WeightInit('gaussian_sqrt_fanout', scale);
  }
  /** `scale * sqrt(2 / (fanIn + fanOut)) * normal(0, 1)`. */
  static GaussianSqrtFanAvg(scale = 1): WeightInit {
    return new WeightInit('gaussian_sqrt_fanavg', scale);
  }
  /** `scale / sqrt(shape[0]) * uniform(-1, 1)`. */
  static UniformSqrtDim(scale = 1): WeightInit {
    return new WeightInit('uniform_sqrt_dim', scale);
  }
  /** `scale * sqrt(3 / prod(shape[:-1])) * uniform(-1, 1)`. */
  static UniformUnitScaling(scale = 1): WeightInit {
    return new WeightInit('uniform_unit_scaling', scale);
  }
  /** `scale / sqrt(shape[0]) * truncatedNormal(-2, 2)`. */
  static TruncatedGaussianSqrtDim(scale = 1): WeightInit {
    return new WeightInit('truncated_gaussian_sqrt_dim', scale);
  }
  /** `scale / sqrt(fanIn) * truncatedNormal(-2, 2)`. */
  static TruncatedGaussianSqrtFanIn(scale = 1): WeightInit {
    return new WeightInit('truncated_gaussian_sqrt_fanin', scale);
  }
  /** `scale / sqrt(fanOut) * truncatedNormal(-2, 2)`. */
  static TruncatedGaussianSqrtFanOut(scale = 1): WeightInit {
    return new WeightInit('truncated_gaussian_sqrt_fanout', scale);
  }

  equals(other: WeightInit): boolean {
    return this.method === other.method && this.scale === other.scale;
  }

  toString(): string {
    return `WeightInit(${this.method}, ${this.scale})`;
  }
}

// Praxis marks the default with a scale of 1.000001, so children can tell "left as default" (and
// inherit their parent's) from a Xavier(1) chosen on purpose.
const DEFAULT_XAVIER_SCALE = 1.000001;

/** The `paramsInit` a layer has unless its config says otherwise. */
export const defaultParamsInit = (): WeightInit => WeightInit.Xavier(DEFAULT_XAVIER_SCALE);

/** Whether `init` is the default `paramsInit`, which children replace with their parent's. */
export const isDefaultParamsInit = (init: WeightInit): boolean =>
  init.method === 'xavier' && Math.abs(init.scale - DEFAULT_XAVIER_SCALE) < 1e-7;

const product = (dims: readonly number[]): number => dims.reduce((a, b) => a * b, 1);
const pick = (shape: readonly number[], axes: readonly number[]): number[] =>
  axes.map((a) => shape[a < 0 ? a + shape.length : a]!);

/**
 * Praxis's fan-in and fan-out of a weight shape: none for a scalar, the size itself for a vector,
 * else the second-to-last and last sizes times the receptive field (the product of the others);
 * `fanInAxes`/`fanOutAxes`, where given, name the axes to multiply instead.
 *
 * @example
 * ```ts
 * nn.fanInFanOut([64, 1024, 8192]); // [65536, 524288]
 * nn.fanInFanOut([]); // [null, null]
 * ```
 */
export function fanInFanOut(
  shape: readonly number[],
  fanInAxes?: readonly number[],
  fanOutAxes?: readonly number[],
): [number | null, number | null] {
  if (shape.length === 0) return [null, null];
  if (shape.length === 1) return [shape[0]!, shape[0]!];
  const receptive = product(shape.slice(0, -2));
  return [
    fanInAxes ? product(pick(shape, fanInAxes)) : shape[shape.length - 2]! * receptive,
    fanOutAxes ? product(pick(shape, fanOutAxes)) : shape[shape.length - 1]! * receptive,
  ];
}

/** The scale after the method's shape-dependent factor. */
function effectiveScale(hp: WeightHParams, init: WeightInit): number {
  const [fanIn, fanOut] = fanInFanOut(hp.shape, hp.fanInAxes, hp.fanOutAxes);
  const dim0 = hp.shape[0] ?? 1;
  switch (init.method) {
    case 'gaussian_sqrt_dim':
    case 'uniform_sqrt_dim':
    case 'truncated_gaussian_sqrt_dim':
      return init.scale / Math.sqrt(dim0);
    case 'gaussian_sqrt_fanin':
    case 'truncated_gaussian_sqrt_fanin':
      return fanIn === null ? init.scale : init.scale / Math.sqrt(fanIn);
    case 'gaussian_sqrt_fanout':
    case 'truncated_gaussian_sqrt_fanout':
      return fanOut === null ? init.scale : init.scale / Math.sqrt(fanOut);
    case 'gaussian_sqrt_fanavg':
      return fanIn === null || fanOut === null ? init.scale : init.scale * Math.sqrt(2 / (fanIn + fanOut));
    case 'xavier':
      // Praxis divides by fanIn + fanOut unguarded; a scalar has no fans, so say so instead of NaN.
      if (fanIn === null || fanOut === null) {
        throw new ax.ShapeError('WeightInit.Xavier: a scalar weight has no fan-in or fan-out');
      }
      return init.scale * Math.sqrt(6 / (fanIn + fanOut));
    case 'uniform_unit_scaling':
      return init.scale * Math.sqrt(3 / Math.max(product(hp.shape.slice(0, -1)), 1));
    default:
      return init.scale;
  }
}

/**
 * A weight's initial value (Praxis's `init_var`), drawn with `key`. `hp` has its `init` and
 * `dtype` filled in (the layer does that).
 */
export function initVar(name: string, hp: WeightHParams, key: ax.Array): ax.Array {
  const init = hp.init;
  const dtype = hp.dtype ?? 'float32';
  if (!init) throw new ax.ParameterError(`initVar: variable '${name}' has no init method`);
  const scale = effectiveScale(hp, init);
  const shape = [...hp.shape];
  switch (init.method) {
    case 'constant':
      return ax.full(shape, scale, dtype);
    case 'uniform':
    case 'uniform_sqrt_dim':
    case 'xavier':
    case 'uniform_unit_scaling':
      return ax.random.uniform(key, shape, { minval: -1, maxval: 1, dtype }).mul(scale);
    case 'truncated_gaussian':
    case 'truncated_gaussian_sqrt_dim':
    case 'truncated_gaussian_sqrt_fanin':
    case 'truncated_gaussian_sqrt_fanout':
      return ax.random.truncatedNormal(key, -2, 2, shape, { dtype }).mul(scale);
    default:
      return ax.random.normal(key, shape, { dtype }).mul(scale);
  }
}
