/**
 * What `compile` attaches to a calendar, out of reach of its public type: the plan, the zone's
 * offset rules and a small cache of year tables and interval indexes.
 *
 * @internal
 * @packageDocumentation
 */
import type { TabledZoneRules } from '../internal/zone.js'
import type { IntervalIndex } from './intervalIndex.js'
import { MAX_DAY, MAX_YEAR, MIN_DAY, MIN_YEAR, type HoursList, type Plan, type YearDays } from './plan.js'
import type { YearTable } from './yearTable.js'

/** An index is a run of local years when they have at most this many intervals. @internal */
export const YEAR_INTERVALS = 32_768
/** Local years per index for a calendar sparse enough (aligned: 1899–1902, 1903–1906, …). @internal */
export const YEARS_PER_INDEX = 4
/** Otherwise an index is a run of days with at most about this many intervals. @internal */
export const CHUNK_INTERVALS = 8_192
/** Most intervals the cache holds over all its indexes (three arrays of 8 bytes each: ~24 MB). @internal */
export const CACHE_INTERVALS = 1_000_000

/**
 * Year tables (all kept: a few KB each) and interval indexes, evicted oldest first past
 * {@link CACHE_INTERVALS}. Filling it never changes a result: every entry is a pure function of
 * the plan and its key.
 *
 * @internal
 */
export interface Cache {
  /** Holidays and exception days of local year `MIN_YEAR - 1 + k` (the year before the first too). */
  readonly days: Array<YearDays | undefined>
  readonly tables: Array<YearTable | undefined>
  /** Open time of local year `MIN_YEAR + k`, NaN until known (from its table, or summed without one). */
  readonly totals: Float64Array
  /**
   * Open time of irregular day windows (around an offset change), by the hours of the three days
   * that reach into the window and the offset changes near it, relative to the day: the same
   * change on the same kind of days recurs every year.
   */
  readonly windows: Map<string, number>
  /** A small number for each distinct list of hours met, for the keys of `windows`. */
  readonly hoursIds: Map<HoursList, number>
  readonly chunks: Array<IntervalIndex | undefined>
  readonly order: number[]
  held: number
  /** The two indexes used last (a query over two years alternates between them). */
  last: IntervalIndex | undefined
  prev: IntervalIndex | undefined
  /** The open time of the local years `spanFrom … spanTo - 1` asked for last (a query over two indexes asks again). */
  spanFrom: number
  spanTo: number
  spanSum: number
}

/** @internal */
export interface Compiled {
  readonly plan: Plan
  readonly zone: TabledZoneRules
  /** Days per index, or 0 when an index is a run of {@link YEARS_PER_INDEX} local years. */
  readonly chunkDays: number
  readonly chunkCount: number
  readonly cache: Cache
}

/** The key under which a compiled calendar keeps its engine state; shared by the ESM and CJS builds. @internal */
export const compiledKey: unique symbol = Symbol.for('itsm-kit/calendar') as never

/** Sets up the engine state of a plan. @internal */
export const makeCompiled = (plan: Plan, zone: TabledZoneRules): Compiled => {
  const chunkDays =
    plan.maxPerDay * 367 * YEARS_PER_INDEX <= YEAR_INTERVALS
      ? 0
      : Math.max(1, Math.floor(CHUNK_INTERVALS / plan.maxPerDay))
  const chunkCount =
    chunkDays === 0
      ? Math.ceil((MAX_YEAR - MIN_YEAR + 1) / YEARS_PER_INDEX)
      : Math.floor((MAX_DAY - MIN_DAY) / chunkDays) + 1
  return {
    plan,
    zone,
    chunkDays,
    chunkCount,
    cache: {
      days: new Array<YearDays | undefined>(MAX_YEAR - MIN_YEAR + 2),
      tables: new Array<YearTable | undefined>(MAX_YEAR - MIN_YEAR + 1),
      totals: new Float64Array(MAX_YEAR - MIN_YEAR + 1).fill(Number.NaN),
      windows: new Map(),
      hoursIds: new Map(),
      chunks: new Array<IntervalIndex | undefined>(chunkCount),
      order: [],
      held: 0,
      last: undefined,
      prev: undefined,
      spanFrom: 0,
      spanTo: 0,
      spanSum: 0
    }
  }
}

/** The engine state of a value made by `compile`, if it is one. @internal */
export const readCompiled = (cal: unknown): Compiled | undefined => {
  if (typeof cal !== 'object' || cal === null) return undefined
  const c = (cal as { readonly [compiledKey]?: unknown })[compiledKey]
  return typeof c === 'object' && c !== null && 'plan' in c ? (c as Compiled) : undefined
}
