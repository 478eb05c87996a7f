/**
 * The floor: business time on a fixed calendar (UTC, Monday to Friday 08:00–16:00, no holidays)
 * in closed form. Constant-time arithmetic, no loop over days, no table, no branch that depends
 * on much more than the weekday: the least any implementation could spend on one query. Same
 * conventions as itsm-kit (half-open intervals; `add` returns the earliest matching instant, so
 * a due time on a closing time stays there).
 *
 * Divisions are multiplications by reciprocals with a one-step correction (a division costs
 * several times more); the result is exact, as the cross-check against itsm-kit confirms.
 */
const HOUR = 3_600_000
const DAY = 24 * HOUR
const WEEK = 7 * DAY
const OPENS = 8 * HOUR
const LENGTH = 8 * HOUR
const PER_WEEK = 5 * LENGTH
const INV_WEEK = 1 / WEEK
const INV_DAY = 1 / DAY
const INV_LENGTH = 1 / LENGTH
/** 1969-12-29T00:00Z, a Monday: weeks are counted from here. */
const MONDAY0 = -3 * DAY

/** Open time from MONDAY0 to `t` (negative before it). */
export const floorCumulative = (t: number): number => {
  const x = t - MONDAY0
  let week = Math.floor(x * INV_WEEK)
  let r = x - week * WEEK
  if (r < 0) {
    week--
    r += WEEK
  } else if (r >= WEEK) {
    week++
    r -= WEEK
  }
  // 0 ≤ r < WEEK. A day index off by one at an exact midnight gives the same total: open time
  // is flat across midnight (the clamp below absorbs it).
  const day = (r * INV_DAY) | 0
  if (day >= 5) return (week + 1) * PER_WEEK
  const tod = r - day * DAY - OPENS
  return week * PER_WEEK + day * LENGTH + (tod <= 0 ? 0 : tod >= LENGTH ? LENGTH : tod)
}

export const floorBetween = (a: number, b: number): number => floorCumulative(b) - floorCumulative(a)

/** Earliest `u ≥ t` with `floorBetween(t, u) = d`, for `d ≥ 0`. */
export const floorAdd = (t: number, d: number): number => {
  if (d <= 0) return t
  const c = floorCumulative(t) + d
  // the business day k (counted from MONDAY0) whose open time reaches c: k·8h < c ≤ (k+1)·8h
  let k = Math.ceil(c * INV_LENGTH) - 1
  if (c <= k * LENGTH) k--
  else if (c > (k + 1) * LENGTH) k++
  let week = Math.floor(k * 0.2)
  let dow = k - 5 * week
  if (dow < 0) {
    week--
    dow += 5
  } else if (dow >= 5) {
    week++
    dow -= 5
  }
  return MONDAY0 + week * WEEK + dow * DAY + OPENS + (c - k * LENGTH)
}
