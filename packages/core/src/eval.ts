import type { Array } from './array.js';
import { getBackend, withBackend, type Backend, type Kernel, type KernelArg } from './backend.js';
import { EagerArray, tidy } from './eager.js';
import { BackendError } from './errors.js';
import type { Primitive } from './primitive.js';
import { Trace } from './trace.js';

function asEager(x: Array, prim: string): EagerArray {
  if (x instanceof EagerArray) return x;
  throw new BackendError(`${prim}: eager evaluation received a traced value (${x.toString()})`);
}

function backendOf(operands: readonly EagerArray[], prim: string): Backend {
  const first = operands[0];
  if (!first) return getBackend();
  for (const x of operands) {
    if (x.backend !== first.backend) {
      throw new BackendError(
        `${prim}: operands live on different backends ('${first.backend.name}' and '${x.backend.name}'); ` +
          `move one with ax.devicePut(x, '${first.backend.name}')`,
      );
    }
  }
  return first.backend;
}

/**
 * The bottom of the interpreter stack: runs each primitive at once on the operands' backend, by its
 * kernel if the backend has one, else by its decomposition.
 */
export class EvalTrace extends Trace {
  override pure(value: Array): Array {
    return value;
  }

  override processPrimitive<P>(prim: Primitive<P>, operands: readonly Array[], params: P): Array[] {
    const args = operands.map((x) => asEager(x, prim.name));
    const backend = backendOf(args, prim.name);
    const kernel = backend.kernels[prim.name] as Kernel<P, unknown> | undefined;
    const { decompose } = prim;
    if (!kernel && decompose && prim.abstractEvalTraces) {
      return withBackend(backend, () => tidy(() => decompose(operands, params)));
    }
    const outAvals = prim.abstractEval(
      args.map((x) => x.aval),
      params,
    );
    if (kernel) {
      const views: KernelArg<unknown>[] = args.map((x) => ({
        buffer: x.buffer,
        shape: x.shape,
        dtype: x.dtype,
      }));
      const buffers = kernel(views, params, outAvals);
      return buffers.map((b, i) => new EagerArray(outAvals[i]!, backend, b));
    }
    if (decompose) return withBackend(backend, () => tidy(() => decompose(operands, params)));
    throw new BackendError(
      `${prim.name}: backend '${backend.name}' has no kernel for it and it has no decomposition`,
    );
  }
}
