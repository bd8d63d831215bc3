import { allocTyped } from '@addax/core';
import type { KernelsFor, TypedArray } from '@addax/core';

const ROTATIONS = [13, 15, 26, 6, 17, 29, 16, 24] as const;
const KS_PARITY = 0x1bd11bda;

function rotl(x: number, r: number): number {
  return ((x << r) | (x >>> (32 - r))) >>> 0;
}

export const randomKernels: KernelsFor<'threefry2x32', TypedArray> = {
  // Threefry-2x32, 20 rounds, as Random123's threefry2x32_R(20): uint32 sums are below 2^34, exact
  // in a double, and `>>> 0` takes them modulo 2^32.
  threefry2x32: ([k0, k1, x0, x1], _, [out]) => {
    const n = x0!.buffer.length;
    const y0 = allocTyped(out!.dtype, n);
    const y1 = allocTyped(out!.dtype, n);
    for (let i = 0; i < n; i++) {
      const ks = [k0!.buffer[i]!, k1!.buffer[i]!, (k0!.buffer[i]! ^ k1!.buffer[i]! ^ KS_PARITY) >>> 0];
      let a = (x0!.buffer[i]! + ks[0]!) >>> 0;
      let b = (x1!.buffer[i]! + ks[1]!) >>> 0;
      for (let block = 0; block < 5; block++) {
        for (let j = 0; j < 4; j++) {
          a = (a + b) >>> 0;
          b = (rotl(b, ROTATIONS[(block % 2) * 4 + j]!) ^ a) >>> 0;
        }
        a = (a + ks[(block + 1) % 3]!) >>> 0;
        b = (b + ks[(block + 2) % 3]! + block + 1) >>> 0;
      }
      y0[i] = a;
      y1[i] = b;
    }
    return [y0, y1];
  },
};
