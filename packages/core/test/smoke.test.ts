import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';

describe('smoke', () => {
  it('adds broadcast arrays on the cpu backend', async () => {
    const x = ax.array([[1, 2], [3, 4]]);
    const y = ax.lax.add(x, ax.full([2, 2], 1));
    expect(await y.array()).toEqual([[2, 3], [4, 5]]);
    expect(ax.getBackend().name).toBe('cpu');
    expect(y.toString()).toBe('Array([[2., 3.], [4., 5.]], dtype=float32)');
  });
});
