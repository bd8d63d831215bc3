import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import { registerCpuMin } from './helpers.js';

registerCpuMin();

describe('stopGradient', () => {
  for (const backend of ['cpu', 'cpu-min']) {
    it(`is the identity on values of every dtype, -0 and NaN included (${backend})`, () => {
      ax.setBackend(backend);
      const f = ax.lax.stopGradient(ax.array([-0, NaN, 2.5]));
      expect(f.dtype).toBe('float32');
      const [negZero, nan, v] = f.dataSync();
      expect(Object.is(negZero, -0)).toBe(true);
      expect(nan).toBeNaN();
      expect(v).toBe(2.5);
      expect(ax.lax.stopGradient(ax.array([[1, 2]], 'int32')).arraySync()).toEqual([[1, 2]]);
      expect(ax.lax.stopGradient(ax.array(true)).arraySync()).toBe(true);
    });
  }
});
