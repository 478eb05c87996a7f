/**
 * Unions of time spans: sorted, merged, a span without `to` lasting for ever. Shared by the SLA
 * clocks and the reports, which both stop a clock while a ticket is resolved or on a workaround.
 *
 * @internal
 * @packageDocumentation
 */

/** A span of instants; no `to` while it lasts. @internal */
export interface Span<I extends number> {
  readonly from: I
  readonly to?: I
}

/** The union of two lists of spans, as sorted disjoint spans (touching spans merge). @internal */
export const unionSpans = <I extends number>(
  a: ReadonlyArray<Span<I>>,
  b: ReadonlyArray<Span<I>>
): ReadonlyArray<Span<I>> => {
  const all = [...a, ...b].sort((x, y) => x.from - y.from)
  const out: Array<{ from: I; to?: I }> = []
  for (const x of all) {
    const last = out[out.length - 1]
    if (last !== undefined && (last.to === undefined || x.from <= last.to)) {
      if (last.to !== undefined) {
        if (x.to === undefined) delete last.to
        else if (x.to > last.to) last.to = x.to
      }
    } else out.push(x.to === undefined ? { from: x.from } : { from: x.from, to: x.to })
  }
  return out
}
