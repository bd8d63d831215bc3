import * as ax from '@addax/core';

/** `x` as the one array a layer takes, or an error naming the layer and what it got instead. */
export function arrayInput(x: unknown, where: string): ax.Array {
  if (x instanceof ax.Array) return x;
  // The structure, not the values: inside a transformation the leaves are tracers without data.
  throw new ax.ParameterError(
    `${where}: the input must be one array, got ${ax.tree.flatten(x)[1].toString()}`,
  );
}

/** Checks that the input of a layer with float32 parameters is float32 (spec and call alike). */
export function checkFloatInput(spec: ax.ShapeDtype, where: string): void {
  if (spec.dtype !== 'float32') {
    throw new ax.DTypeError(
      `${where}: the input must be float32, got ${spec.describe()} (cast it with .astype('float32'))`,
    );
  }
}
