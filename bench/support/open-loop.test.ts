import { describe, expect, it } from 'vitest';
import { arrivalTimes, percentileOf, runOpenLoop, summariseLatencies } from './open-loop.ts';

describe('percentiles', () => {
  it('takes the nearest rank, a value that occurred', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1); // 1 … 100
    expect(percentileOf(values, 50)).toBe(50);
    expect(percentileOf(values, 95)).toBe(95);
    expect(percentileOf(values, 99)).toBe(99);
    expect(percentileOf(values, 100)).toBe(100);
    expect(percentileOf([7], 99)).toBe(7);
    expect(percentileOf([], 50)).toBeNaN();
  });

  it('sorts numerically, not as text', () => {
    const summary = summariseLatencies([100, 9, 20, 3, 1000]);
    expect(summary).toEqual({ count: 5, p50: 20, p95: 1000, p99: 1000, max: 1000 });
  });

  it('lets one slow answer in a hundred show in the p99 but not in the p95', () => {
    const summary = summariseLatencies([...Array.from({ length: 98 }, () => 10), 500, 600]);
    expect(summary.p95).toBe(10);
    expect(summary.p99).toBe(500);
  });
});

describe('the open-loop scheduler', () => {
  it('plans rate × duration arrivals evenly spaced', () => {
    expect(arrivalTimes(200, 1000)).toHaveLength(200);
    expect(arrivalTimes(4, 1000)).toEqual([0, 250, 500, 750]);
    expect(arrivalTimes(0, 1000)).toEqual([]);
  });

  it('keeps sending while earlier requests are unanswered, and measures from the planned time', async () => {
    // A fake clock: sleeping advances it; a "server" answers every request 1 s after it was sent.
    let clock = 0;
    const answers: { at: number; resolve: () => void }[] = [];
    const sentAt: number[] = [];
    const run = runOpenLoop({
      rate: 10,
      durationMs: 1000,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
      send: (index) => {
        sentAt[index] = clock;
        return new Promise((resolve) => answers.push({ at: clock + 1000, resolve: () => resolve(true) }));
      },
    });
    // Let the scheduler send everything: a closed loop would have sent one request and waited.
    for (let i = 0; i < 50 && sentAt.length < 10; i += 1) await Promise.resolve();
    expect(sentAt).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
    clock = 2000; // every answer arrives at once, late: the first waited 2 s from its planned time
    for (const answer of answers) answer.resolve();
    const result = await run;
    const latencies = result.outcomes.sort((a, b) => a.index - b.index).map((o) => o.latencyMs);
    expect(latencies[0]).toBe(2000);
    expect(latencies[9]).toBe(1100);
    expect(result.outcomes.every((o) => o.ok)).toBe(true);
  });

  it('counts failed and thrown requests as errors', async () => {
    const result = await runOpenLoop({
      rate: 1000,
      durationMs: 3,
      send: async (index) => {
        if (index === 1) return '503';
        if (index === 2) throw new TypeError('socket hang up');
        return true;
      },
    });
    const byIndex = result.outcomes.sort((a, b) => a.index - b.index);
    expect(byIndex.map((o) => o.ok)).toEqual([true, false, false]);
    expect(byIndex[1]?.error).toBe('503');
    expect(byIndex[2]?.error).toBe('TypeError');
  });
});
