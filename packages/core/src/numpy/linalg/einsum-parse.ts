import { ParameterError, ShapeError } from '../../errors.js';
import type { Shape } from '../../shape.js';

/** A parsed einsum specification: one letter string per operand and the output's letters. */
export interface EinsumSpec {
  readonly inputs: readonly string[];
  readonly output: string;
  /** The size each letter stands for. */
  readonly sizes: ReadonlyMap<string, number>;
}

const LETTER = /^[a-zA-Z]$/;

/**
 * Parses `subscripts` against the operands' shapes: explicit (`'ij,jk->ik'`) or implicit
 * (`'ij,jk'`: the letters used once, in alphabetical order). Every error names einsum and the
 * offending operand or letter.
 *
 * @example
 * ```ts
 * parseEinsum('ij,jk', [[2, 3], [3, 4]]).output; // 'ik'
 * ```
 */
export function parseEinsum(subscripts: string, shapes: readonly Shape[]): EinsumSpec {
  const spec = subscripts.replace(/\s+/g, '');
  if (spec.includes('.')) {
    throw new ParameterError(`einsum: '...' (ellipsis) is not supported in '${subscripts}'; name every axis`);
  }
  const parts = spec.split('->');
  if (parts.length > 2) throw new ParameterError(`einsum: '${subscripts}' has more than one '->'`);
  const inputs = parts[0]!.split(',');
  if (inputs.length !== shapes.length) {
    throw new ParameterError(
      `einsum: '${subscripts}' names ${inputs.length} operand(s) but ${shapes.length} were given`,
    );
  }
  const sizes = new Map<string, number>();
  const counts = new Map<string, number>();
  inputs.forEach((letters, i) => {
    const shape = shapes[i]!;
    if (letters.length !== shape.length) {
      throw new ShapeError(
        `einsum: operand ${i} has ${shape.length} axes (shape [${shape.join(', ')}]) but '${letters}' names ${letters.length}`,
      );
    }
    [...letters].forEach((c, axis) => {
      if (!LETTER.test(c)) throw new ParameterError(`einsum: '${c}' in '${subscripts}' is not a letter`);
      if (letters.indexOf(c) !== axis) {
        throw new ParameterError(
          `einsum: operand ${i} ('${letters}') repeats the letter '${c}'; traces and diagonals within one operand are not supported`,
        );
      }
      const size = shape[axis]!;
      const known = sizes.get(c);
      if (known !== undefined && known !== size) {
        throw new ShapeError(
          `einsum: letter '${c}' stands for size ${known} and also ${size} (operand ${i}, '${letters}')`,
        );
      }
      sizes.set(c, size);
      counts.set(c, (counts.get(c) ?? 0) + 1);
    });
  });
  const output =
    parts.length === 2
      ? parts[1]!
      : [...counts.keys()]
          .filter((c) => counts.get(c) === 1)
          .sort()
          .join('');
  [...output].forEach((c, i) => {
    if (!sizes.has(c))
      throw new ParameterError(`einsum: output letter '${c}' appears in no operand of '${subscripts}'`);
    if (output.indexOf(c) !== i)
      throw new ParameterError(`einsum: output '${output}' repeats the letter '${c}'`);
  });
  return { inputs, output, sizes };
}
