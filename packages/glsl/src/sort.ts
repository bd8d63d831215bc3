/**
 * `float sort_cmp(float a, float b)`: -1, 0 or 1, ascending with NaN after everything and -0
 * tying with 0 (backend-cpu's sort order), for ranking sort keys.
 */
export const SORT_COMPARE = `float sort_cmp(float a, float b) {
  if (a != a) return b != b ? 0.0 : 1.0;
  if (b != b) return -1.0;
  return a < b ? -1.0 : (a > b ? 1.0 : 0.0);
}`;
