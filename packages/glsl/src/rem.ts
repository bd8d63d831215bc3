/**
 * `float ax_rem(float x, float y, float nan, float inf)`: C's `fmod`, exactly (the result has x's
 * sign; NaN for x infinite or y zero; x itself for y infinite). Binary long division on |x| and |y|
 * in which every operation is exact whatever order a compiler picks: doubling and halving |y|, and
 * subtracting `s` from a remainder `r` with `s <= r < 2s` (Sterbenz's lemma). Exponents differ by
 * at most 253 between normal float32s (subnormals are flushed here), hence the loop bounds.
 */
export const REM = `float ax_rem(float x, float y, float nan, float inf) {
  if (x != x || y != y || abs(x) == inf || y == 0.0) return nan;
  if (x == 0.0) return x;
  float r = abs(x);
  float b = abs(y);
  float s = b;
  for (int i = 0; i < 256; i++) {
    if (s * 2.0 > r) break;
    s = s * 2.0;
  }
  for (int i = 0; i < 256; i++) {
    if (r >= s) r = r - s;
    if (s <= b) break;
    s = s * 0.5;
  }
  return x < 0.0 ? -r : r;
}`;
