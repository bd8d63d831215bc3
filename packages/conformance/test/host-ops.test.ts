import { describe, expect, it } from 'vitest';
import { hostArray } from '@addax/conformance';
import { hostSlice, hostStack } from '../src/laws/host-ops.js';

// The vmap law compares vmap(f) with f applied to these slices and stacked: they must be right.
describe('host slicing and stacking', () => {
  const x = hostArray('float32', [2, 3], [0, 1, 2, 3, 4, 5]);

  it('hostSlice takes element i along an axis and drops that axis', () => {
    expect(hostSlice(x, 0, 1)).toEqual(hostArray('float32', [3], [3, 4, 5]));
    expect(hostSlice(x, 1, 2)).toEqual(hostArray('float32', [2], [2, 5]));
  });

  it('hostStack inserts a new axis, and undoes hostSlice along any axis', () => {
    expect(hostStack([hostSlice(x, 1, 0), hostSlice(x, 1, 1), hostSlice(x, 1, 2)], 1)).toEqual(x);
    expect(hostStack([hostSlice(x, 0, 0), hostSlice(x, 0, 1)], 0)).toEqual(x);
    expect(hostStack([hostSlice(x, 0, 0), hostSlice(x, 0, 1)], 1)).toEqual(
      hostArray('float32', [3, 2], [0, 3, 1, 4, 2, 5]),
    );
  });
});
