/**
 * How many words a row of half-words holds for `n` elements: a power of two (at least 64), so that
 * a shader over the rows compiles once per size bucket rather than once per size.
 */
export function rowLength(n: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(n, 64)));
}

/**
 * uint32 operands as 16-bit halves in floats, for a shader to read: row `q` (`2 * length` floats)
 * holds operand `q`, its word `j`'s high half at `2j` and low half at `2j + 1`, zeros past its end.
 * Two rows so laid out are one element's two words in a 2x2 block (a packed texel's).
 */
export function toHalfWords(words: readonly ArrayLike<number>[], length: number): Float32Array {
  const halves = new Float32Array(2 * length * words.length);
  words.forEach((w, q) => {
    for (let j = 0; j < w.length; j++) {
      halves[2 * (q * length + j)] = Math.floor(w[j]! / 65536);
      halves[2 * (q * length + j) + 1] = w[j]! % 65536;
    }
  });
  return halves;
}

/** The inverse of {@link toHalfWords}: the first `n` words of each row of `halves`. */
export function fromHalfWords(halves: ArrayLike<number>, length: number, n: number): Uint32Array[] {
  return Array.from({ length: halves.length / (2 * length) }, (_, q) => {
    const words = new Uint32Array(n);
    for (let j = 0; j < n; j++) {
      words[j] = halves[2 * (q * length + j)]! * 65536 + halves[2 * (q * length + j) + 1]!;
    }
    return words;
  });
}
