import { describe, expect, it } from 'vitest';
import { ReadCache } from './read-cache.js';

describe('ReadCache', () => {
  it('answers from memory until the generation changes', async () => {
    let generation = 0;
    let loads = 0;
    const cache = new ReadCache<number>(
      () => generation,
      10,
      () => 1,
    );
    const load = async () => ++loads;
    expect(await cache.get('a', load)).toBe(1);
    expect(await cache.get('a', load)).toBe(1);
    generation += 1;
    expect(await cache.get('a', load)).toBe(2);
    expect(await cache.get('a', load)).toBe(2);
  });

  it('does not keep an answer whose load overlapped a write', async () => {
    let generation = 0;
    let loads = 0;
    const cache = new ReadCache<number>(
      () => generation,
      10,
      () => 1,
    );
    const racing = async () => {
      loads += 1;
      generation += 1;
      return loads;
    };
    expect(await cache.get('a', racing)).toBe(1);
    expect(cache.size).toBe(0);
    expect(await cache.get('a', async () => ++loads)).toBe(2);
    expect(cache.size).toBe(1);
  });

  it('drops the oldest answers beyond its weight and never keeps an oversized one', async () => {
    const cache = new ReadCache<number[]>(
      () => 0,
      5,
      (v) => v.length,
    );
    await cache.get('a', async () => [1, 2]);
    await cache.get('b', async () => [1, 2]);
    await cache.get('c', async () => [1, 2]);
    expect(cache.size).toBe(2);
    expect(await cache.get('a', async () => [9])).toEqual([9]);
    await cache.get('big', async () => [1, 2, 3, 4, 5, 6]);
    expect(await cache.get('big', async () => [0])).toEqual([0]);
  });

  it('keeps the newest answers when far more are loaded than it holds', async () => {
    const cache = new ReadCache<number>(
      () => 0,
      100,
      () => 1,
    );
    for (let i = 0; i < 5000; i++) await cache.get(String(i), async () => i);
    expect(cache.size).toBe(100);
    expect(await cache.get('4999', async () => -1)).toBe(4999);
    expect(await cache.get('4900', async () => -1)).toBe(4900);
    expect(await cache.get('4899', async () => -1)).toBe(-1);
  });
});
