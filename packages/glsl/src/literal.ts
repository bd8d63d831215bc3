/** A float literal GLSL accepts, for a finite number. */
export function lit(n: number): string {
  return Number.isInteger(n) ? `${n}.0` : String(n);
}
