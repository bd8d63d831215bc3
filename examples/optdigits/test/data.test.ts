import { describe, expect, it } from 'vitest';
import { loadOptdigits, parseDigits } from '../src/data.js';

describe('optdigits data', () => {
  it('loads 3823 training and 1797 test digits with counts scaled to [0, 1] and labels 0..9', () => {
    const { train, test } = loadOptdigits();
    expect(train.count).toBe(3823);
    expect(test.count).toBe(1797);
    expect(train.images.length).toBe(3823 * 64);
    expect(train.images.reduce((a, b) => Math.max(a, b))).toBe(1);
    expect(train.images.reduce((a, b) => Math.min(a, b))).toBe(0);
    expect(new Set(train.labels)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    // The first training row of the UCI file: counts 0,1,6,15,... and class 0.
    expect(Array.from(train.images.subarray(0, 4))).toEqual([0, 1 / 16, 6 / 16, 15 / 16]);
    expect(train.labels[0]).toBe(0);
  });

  it('rejects a malformed row, naming the file and line', () => {
    const header = Array.from({ length: 65 }, (_, i) => `c${i}`).join(',');
    expect(() => parseDigits(`${header}\n1,2,3\n`, 'bad.csv')).toThrow(
      /bad.csv: row 2 does not hold 64 integer counts/,
    );
  });
});
