import type { TimeSummary } from './model.js'

/**
 * Exact summary of durations: mean, median (mean of the two middle values for an even count),
 * p90 by nearest rank (the value at rank ⌈0.9·n⌉, 1-based) and maximum. Sorts a copy.
 *
 * @internal
 */
export const summarise = (values: Float64Array): TimeSummary => {
  const n = values.length
  if (n === 0) return { count: 0 }
  const sorted = Float64Array.from(values).sort()
  let sum = 0
  for (let i = 0; i < n; i++) sum += sorted[i] as number
  const mid = n >> 1
  const median = n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
  return {
    count: n,
    mean: sum / n,
    median,
    p90: sorted[Math.ceil((9 * n) / 10) - 1] as number,
    max: sorted[n - 1] as number
  }
}
