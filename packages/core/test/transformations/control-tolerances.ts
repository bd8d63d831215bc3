import type { Tolerance } from '../laws.js';

/** Float32 results of the same arithmetic in another order (a loop against its unrolled form). */
export const TIGHT: Tolerance = { rtol: 1e-5, atol: 1e-6 };

/**
 * Float32 central differences at eps 1e-2 on inputs within [-2, 2]: truncation error ~eps^2 times
 * the third derivative, rounding ~1e-5.
 */
export const FD: Tolerance = { rtol: 2e-2, atol: 2e-3 };
