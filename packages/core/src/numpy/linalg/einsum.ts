import type { Array, ArrayLike } from '../../array.js';
import { op } from '../../eager.js';
import { dotGeneral } from '../../lax/linalg.js';
import { reduceSum } from '../../lax/reductions.js';
import { transpose } from '../../lax/shape.js';
import { contractionOperands } from './contract.js';
import { parseEinsum } from './einsum-parse.js';

/** An intermediate of the contraction: an array and the letter of each of its axes. */
interface Term {
  readonly array: Array;
  readonly letters: string;
}

/** Sums away the axes whose letters are not in `keep`. */
function sumExcept(term: Term, keep: (c: string) => boolean): Term {
  const axes = [...term.letters].flatMap((c, i) => (keep(c) ? [] : [i]));
  if (axes.length === 0) return term;
  return { array: reduceSum(term.array, axes), letters: [...term.letters].filter(keep).join('') };
}

/**
 * Contracts two terms: letters in both that are still needed are batch axes, the others are summed;
 * letters in one term only that are no longer needed are summed first. The result's letters are
 * dotGeneral's order: batch, then `a`'s free letters, then `b`'s.
 */
function contractPair(a: Term, b: Term, needed: (c: string) => boolean): Term {
  const x = sumExcept(a, (c) => needed(c) || b.letters.includes(c));
  const y = sumExcept(b, (c) => needed(c) || x.letters.includes(c));
  const shared = [...x.letters].filter((c) => y.letters.includes(c));
  const batch = shared.filter(needed);
  const summed = shared.filter((c) => !needed(c));
  const axes = (t: Term, cs: string[]): number[] => cs.map((c) => t.letters.indexOf(c));
  const free = (t: Term): string[] => [...t.letters].filter((c) => !shared.includes(c));
  return {
    array: dotGeneral(x.array, y.array, [axes(x, summed), axes(y, summed)], [axes(x, batch), axes(y, batch)]),
    letters: [...batch, ...free(x), ...free(y)].join(''),
  };
}

/**
 * `jnp.einsum`: Einstein summation. `subscripts` names each operand's axes with one letter each
 * (`'ij,jk->ik'`); letters shared between operands are multiplied along, letters missing from the
 * output are summed. Without `->` the output is the letters used exactly once, alphabetically.
 * Operands are contracted left to right, pairwise, with dotGeneral. A letter repeated within one
 * operand (traces, diagonals) and `...` are not supported and say so.
 *
 * @example
 * ```ts
 * ax.einsum('ij,jk->ik', a, b);    // matmul
 * ax.einsum('bij,bjk->bik', a, b); // batched matmul
 * ax.einsum('ij->j', a);           // column sums
 * ax.einsum('i,i', u, v);          // inner product (implicit output: none)
 * ```
 */
export const einsum = op((subscripts: string, ...operands: ArrayLike[]): Array => {
  const { arrays, finish } = contractionOperands(operands);
  const spec = parseEinsum(
    subscripts,
    arrays.map((a) => a.shape),
  );
  const terms: Term[] = arrays.map((array, i) => ({ array, letters: spec.inputs[i]! }));
  const neededAfter = (i: number) => (c: string) =>
    spec.output.includes(c) || spec.inputs.slice(i + 1).some((letters) => letters.includes(c));
  let acc = sumExcept(terms[0]!, neededAfter(0));
  for (let i = 1; i < terms.length; i++) acc = contractPair(acc, terms[i]!, neededAfter(i));
  const perm = [...spec.output].map((c) => acc.letters.indexOf(c));
  return finish(perm.every((p, i) => p === i) ? acc.array : transpose(acc.array, perm));
});
