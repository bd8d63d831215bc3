import { Array } from '../array.js';
import { tidy } from '../eager.js';
import { DTypeError, ParameterError } from '../errors.js';
import { add } from '../lax/elementwise.js';
import { argmax } from '../lax/reductions.js';
import { broadcastTo } from '../numpy/convert.js';
import { normalizeAxis, type Shape } from '../shape.js';
import { checkBroadcastsTo, checkKey, checkSampleShape } from './check.js';
import { gumbelSamples } from './gumbel.js';

/** Options of {@link categorical}. */
export interface CategoricalOptions {
  /** The axis of `logits` that indexes the categories; default -1. */
  axis?: number;
  /** The sample shape; default `logits`' shape without `axis`, which must broadcast to it. */
  shape?: Shape;
}

/**
 * Category indices (int32) drawn with probabilities `softmax(logits, axis)` (JAX's
 * `random.categorical`: the argmax of logits plus Gumbel noise).
 *
 * @example
 * ```ts
 * const logits = ax.array([[0, 1, 2], [2, 1, 0]]);
 * ax.random.categorical(ax.random.key(0), logits);                        // shape [2]
 * ax.random.categorical(ax.random.key(0), logits, { shape: [10, 2] });   // 10 draws per row
 * ```
 */
export function categorical(key: Array, logits: Array, options: CategoricalOptions = {}): Array {
  const where = 'categorical';
  checkKey(where, key);
  if (!(logits instanceof Array))
    throw new ParameterError(`${where}: logits must be an array, got ${typeof logits}`);
  if (logits.dtype !== 'float32') {
    throw new DTypeError(
      `${where}: logits must have a floating dtype (float32), got ${logits.aval.describe()}`,
    );
  }
  const axis = normalizeAxis(options.axis ?? -1, logits.ndim, where);
  const batchShape = logits.shape.filter((_, i) => i !== axis);
  const shape = options.shape === undefined ? batchShape : checkSampleShape(where, options.shape);
  checkBroadcastsTo(where, shape, { 'logits (without axis)': batchShape });
  const prefix = shape.slice(0, shape.length - batchShape.length);
  const perDraw = [...shape.slice(prefix.length)];
  perDraw.splice(axis, 0, logits.shape[axis]!);
  const noiseShape = [...prefix, ...perDraw];
  return tidy(() =>
    argmax(add(gumbelSamples(where, key, noiseShape), broadcastTo(logits, noiseShape)), prefix.length + axis),
  );
}
