import * as ax from '@addax/core';

/** Which axes of a weight shape hold inputs, outputs and independent copies. */
export interface FanAxes {
  /** The input axis or axes; default -2. */
  readonly inAxis?: number | readonly number[];
  /** The output axis or axes; default -1. */
  readonly outAxis?: number | readonly number[];
  /** Axes of independent weight copies, counted in neither fan; default none. */
  readonly batchAxis?: number | readonly number[];
}

/** The effective input and output sizes of a weight shape. */
export interface Fans {
  readonly fanIn: number;
  readonly fanOut: number;
}

function resolveAxes(where: string, name: string, axes: number | readonly number[], rank: number): number[] {
  const list = typeof axes === 'number' ? [axes] : [...axes];
  return list.map((a) => {
    if (!Number.isInteger(a) || a < -rank || a >= rank) {
      throw new ax.ParameterError(
        `${where}: ${name} ${a} is out of range for a weight shape of rank ${rank}`,
      );
    }
    return a < 0 ? a + rank : a;
  });
}

/**
 * The fan-in and fan-out of a weight `shape` (JAX's `initializers._compute_fans`): the axes in none
 * of `inAxis`, `outAxis` and `batchAxis` form the receptive field (a convolution kernel's spatial
 * axes), whose size multiplies both fans. For an HWIO kernel `[h, w, i, o]`, fanIn is `h * w * i`
 * and fanOut `h * w * o`. Unlike JAX, an axis named in two of the lists is an error, since it would
 * be divided out twice.
 *
 * @example
 * ```ts
 * nn.initializers.computeFans([3, 3, 16, 32]); // { fanIn: 144, fanOut: 288 }
 * nn.initializers.computeFans([784, 10]);      // { fanIn: 784, fanOut: 10 }
 * ```
 */
export function computeFans(shape: readonly number[], axes: FanAxes = {}, where = 'computeFans'): Fans {
  const rank = shape.length;
  if (rank < 2) {
    throw new ax.ShapeError(
      `${where}: cannot compute fan-in and fan-out of a weight shape [${shape.join(', ')}] of rank ${rank}; it must have at least 2 axes`,
    );
  }
  const named = {
    inAxis: resolveAxes(where, 'inAxis', axes.inAxis ?? -2, rank),
    outAxis: resolveAxes(where, 'outAxis', axes.outAxis ?? -1, rank),
    batchAxis: resolveAxes(where, 'batchAxis', axes.batchAxis ?? [], rank),
  };
  const owner = new Map<number, string>();
  for (const [name, list] of Object.entries(named)) {
    for (const a of list) {
      const previous = owner.get(a);
      if (previous !== undefined) {
        throw new ax.ParameterError(`${where}: axis ${a} is named by both ${previous} and ${name}`);
      }
      owner.set(a, name);
    }
  }
  const size = (list: readonly number[]): number => list.reduce((n, a) => n * shape[a]!, 1);
  const receptive = size([...shape.keys()].filter((a) => !owner.has(a)));
  return { fanIn: size(named.inAxis) * receptive, fanOut: size(named.outAxis) * receptive };
}
