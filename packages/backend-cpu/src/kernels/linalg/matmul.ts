/**
 * `c[b] = a[b] @ bm[b]` for row-major `a` `[batch, m, k]` and `bm` `[batch, k, n]`: the plain triple
 * loop, kept as the reference the blocked version is tested against. Each sum runs in float64 over
 * ascending `k` and rounds to float32 once.
 *
 * @example
 * ```ts
 * matmulReference(new Float32Array([1, 2]), new Float32Array([3, 4]), 1, 1, 2, 1); // [11]
 * ```
 */
export function matmulReference(
  a: Float32Array,
  bm: Float32Array,
  batch: number,
  m: number,
  k: number,
  n: number,
): Float32Array {
  const c = new Float32Array(batch * m * n);
  for (let b = 0; b < batch; b++) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let acc = 0;
        for (let p = 0; p < k; p++) acc += a[(b * m + i) * k + p]! * bm[(b * k + p) * n + j]!;
        c[(b * m + i) * n + j] = acc;
      }
    }
  }
  return c;
}

/** Width of a packed panel of `bm`, and height of a register tile: a 4x4 tile of 16 accumulators. */
const TILE = 4;
/** Rows of `a` per cache block: 64 rows of a 512-long row are 128 KiB, about one L2 share. */
const ROW_BLOCK = 64;

/**
 * `bm`'s columns in panels of {@link TILE}, each panel `[k, TILE]` contiguous (zero-padded past
 * `n`), so the inner loop reads one panel sequentially and it stays in L1 for a whole row block.
 */
function packPanels(bm: Float32Array, offset: number, k: number, n: number): Float32Array {
  const panels = Math.ceil(n / TILE);
  const packed = new Float32Array(panels * k * TILE);
  for (let p = 0; p < panels; p++) {
    const j0 = p * TILE;
    const width = Math.min(TILE, n - j0);
    let q = p * k * TILE;
    for (let r = 0; r < k; r++, q += TILE) {
      const src = offset + r * n + j0;
      for (let jj = 0; jj < width; jj++) packed[q + jj] = bm[src + jj]!;
    }
  }
  return packed;
}

/** Rows `i..i+3` of `a` times one panel: 16 float64 accumulators, summed over ascending `k`. */
function tile4(
  a: Float32Array,
  aRow: number,
  k: number,
  packed: Float32Array,
  panel: number,
  c: Float32Array,
  cRow: number,
  n: number,
  width: number,
): void {
  let c00 = 0,
    c01 = 0,
    c02 = 0,
    c03 = 0,
    c10 = 0,
    c11 = 0,
    c12 = 0,
    c13 = 0;
  let c20 = 0,
    c21 = 0,
    c22 = 0,
    c23 = 0,
    c30 = 0,
    c31 = 0,
    c32 = 0,
    c33 = 0;
  const a0 = aRow;
  const a1 = a0 + k;
  const a2 = a1 + k;
  const a3 = a2 + k;
  for (let p = 0, q = panel; p < k; p++, q += TILE) {
    const b0 = packed[q]!;
    const b1 = packed[q + 1]!;
    const b2 = packed[q + 2]!;
    const b3 = packed[q + 3]!;
    const x0 = a[a0 + p]!;
    const x1 = a[a1 + p]!;
    const x2 = a[a2 + p]!;
    const x3 = a[a3 + p]!;
    c00 += x0 * b0;
    c01 += x0 * b1;
    c02 += x0 * b2;
    c03 += x0 * b3;
    c10 += x1 * b0;
    c11 += x1 * b1;
    c12 += x1 * b2;
    c13 += x1 * b3;
    c20 += x2 * b0;
    c21 += x2 * b1;
    c22 += x2 * b2;
    c23 += x2 * b3;
    c30 += x3 * b0;
    c31 += x3 * b1;
    c32 += x3 * b2;
    c33 += x3 * b3;
  }
  store(c, cRow, width, c00, c01, c02, c03);
  store(c, cRow + n, width, c10, c11, c12, c13);
  store(c, cRow + 2 * n, width, c20, c21, c22, c23);
  store(c, cRow + 3 * n, width, c30, c31, c32, c33);
}

/** One row of `a` times one panel, for the rows left over below a multiple of {@link TILE}. */
function tile1(
  a: Float32Array,
  aRow: number,
  k: number,
  packed: Float32Array,
  panel: number,
  c: Float32Array,
  cRow: number,
  width: number,
): void {
  let c0 = 0;
  let c1 = 0;
  let c2 = 0;
  let c3 = 0;
  for (let p = 0, q = panel; p < k; p++, q += TILE) {
    const x = a[aRow + p]!;
    c0 += x * packed[q]!;
    c1 += x * packed[q + 1]!;
    c2 += x * packed[q + 2]!;
    c3 += x * packed[q + 3]!;
  }
  store(c, cRow, width, c0, c1, c2, c3);
}

/** Writes the first `width` of four accumulators (the panel's zero padding is dropped). */
function store(
  c: Float32Array,
  at: number,
  width: number,
  v0: number,
  v1: number,
  v2: number,
  v3: number,
): void {
  c[at] = v0;
  if (width > 1) c[at + 1] = v1;
  if (width > 2) c[at + 2] = v2;
  if (width > 3) c[at + 3] = v3;
}

/**
 * {@link matmulReference}, fast: `bm` packed into column panels, `a` walked in row blocks that stay
 * in cache, and each 4x4 block of `c` accumulated in registers. It sums each element in the same
 * order and precision as the reference (float64 over ascending `k`; JS has no fused multiply-add),
 * so the results are bit-identical, padding included (a padded column's products are discarded).
 *
 * @example
 * ```ts
 * matmulBlocked(a, bm, 1, 128, 128, 128); // equals matmulReference(a, bm, 1, 128, 128, 128)
 * ```
 */
export function matmulBlocked(
  a: Float32Array,
  bm: Float32Array,
  batch: number,
  m: number,
  k: number,
  n: number,
): Float32Array {
  const c = new Float32Array(batch * m * n);
  const panels = Math.ceil(n / TILE);
  for (let b = 0; b < batch; b++) {
    const packed = packPanels(bm, b * k * n, k, n);
    for (let i0 = 0; i0 < m; i0 += ROW_BLOCK) {
      const iEnd = Math.min(m, i0 + ROW_BLOCK);
      for (let p = 0; p < panels; p++) {
        const panel = p * k * TILE;
        const j0 = p * TILE;
        const width = Math.min(TILE, n - j0);
        let i = i0;
        for (; i + TILE <= iEnd; i += TILE) {
          tile4(a, (b * m + i) * k, k, packed, panel, c, (b * m + i) * n + j0, n, width);
        }
        for (; i < iEnd; i++) tile1(a, (b * m + i) * k, k, packed, panel, c, (b * m + i) * n + j0, width);
      }
    }
  }
  return c;
}
