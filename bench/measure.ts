/** One figure of a benchmark run; ratios are against a baseline measured in the same run. */
export interface BenchRow {
  group: string;
  name: string;
  ms?: number;
  perSecond?: number;
  bytes?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  baseline?: boolean;
  /** The baseline's milliseconds (or other figure) this row is compared with. */
  ratioTo?: number;
  note?: string;
  /** The built file a bundle row measures. */
  file?: string;
}

/** Median of `runs` timings, in milliseconds. */
export async function timeIt(runs: number, work: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return percentile(times, 50);
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}
