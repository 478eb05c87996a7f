import fc from 'fast-check'
import { Ticket } from '../../src/index.js'
import { acceptedEvents, commandWalk } from './ticket.js'

// Histories as a store may hold them: decided ones, and decided ones that something broke
// afterwards (a field changed, removed or added, an event dropped, repeated or moved, a value
// that is not an event at all, an object made by a class). Used to show that the one-pass
// timeline and replay answer exactly as checking each event in turn does.

/** Values a broken field may hold: wrong types, both sides of the limits, look-alikes. */
const oddValues: ReadonlyArray<unknown> = [
  undefined,
  null,
  Number.NaN,
  Infinity,
  -1,
  0,
  1.5,
  1e15,
  '',
  ' ',
  'x'.repeat(201),
  'urgnet',
  'INC-2',
  'P9',
  'customer',
  'TicketOpened',
  '__proto__',
  {},
  [],
  { role: 'agent', id: 'kari', extra: 1 },
  { role: 'robot', id: 'kari' },
  Date.UTC(2025, 0, 1),
  Date.UTC(2199, 11, 31),
  Date.UTC(1899, 11, 31),
  -8_000_000_000_000
]

/** How one event of a history is broken. */
export type Breakage =
  | { readonly _tag: 'SetField'; readonly index: number; readonly field: number; readonly value: number }
  | { readonly _tag: 'DeleteField'; readonly index: number; readonly field: number }
  | { readonly _tag: 'AddField'; readonly index: number; readonly value: number }
  | { readonly _tag: 'Drop'; readonly index: number }
  | { readonly _tag: 'Repeat'; readonly index: number }
  | { readonly _tag: 'Swap'; readonly index: number; readonly other: number }
  | { readonly _tag: 'NotAnEvent'; readonly index: number; readonly value: number }
  | { readonly _tag: 'ClassMade'; readonly index: number }
  | { readonly _tag: 'UndefinedOptional'; readonly index: number }

export const breakageTags = [
  'SetField',
  'DeleteField',
  'AddField',
  'Drop',
  'Repeat',
  'Swap',
  'NotAnEvent',
  'ClassMade',
  'UndefinedOptional'
] as const

const index = fc.nat({ max: 60 })
const breakage: fc.Arbitrary<Breakage> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      _tag: fc.constant('SetField' as const),
      index,
      field: fc.nat({ max: 12 }),
      value: fc.nat({ max: oddValues.length - 1 })
    })
  },
  { weight: 2, arbitrary: fc.record({ _tag: fc.constant('DeleteField' as const), index, field: fc.nat({ max: 12 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      _tag: fc.constant('AddField' as const),
      index,
      value: fc.nat({ max: oddValues.length - 1 })
    })
  },
  { weight: 1, arbitrary: fc.record({ _tag: fc.constant('Drop' as const), index }) },
  { weight: 1, arbitrary: fc.record({ _tag: fc.constant('Repeat' as const), index }) },
  { weight: 1, arbitrary: fc.record({ _tag: fc.constant('Swap' as const), index, other: index }) },
  {
    weight: 1,
    arbitrary: fc.record({
      _tag: fc.constant('NotAnEvent' as const),
      index,
      value: fc.nat({ max: oddValues.length - 1 })
    })
  },
  { weight: 1, arbitrary: fc.record({ _tag: fc.constant('ClassMade' as const), index }) },
  { weight: 1, arbitrary: fc.record({ _tag: fc.constant('UndefinedOptional' as const), index }) }
)

/** An event made by a class: the same own properties, another prototype. */
class EventObject {
  constructor(fields: object) {
    Object.assign(this, fields)
  }
}

const optionalFields = [
  'service',
  'affectedUsers',
  'kind',
  'requestedBy',
  'category',
  'assignee',
  'reason',
  'problemId',
  'comment'
]

/** A history with the breakages applied (to fresh copies: the decided events are left alone). */
export const breakHistory = (
  events: ReadonlyArray<Ticket.TicketEvent>,
  breakages: ReadonlyArray<Breakage>
): ReadonlyArray<unknown> => {
  const out: unknown[] = events.map((e) => ({ ...e, actor: { ...e.actor } }))
  for (const b of breakages) {
    if (out.length === 0) break
    const i = b.index % out.length
    const target = out[i]
    const fields = typeof target === 'object' && target !== null ? Object.keys(target) : []
    switch (b._tag) {
      case 'SetField':
        if (fields.length > 0)
          out[i] = { ...(target as object), [fields[b.field % fields.length] as string]: oddValues[b.value] }
        break
      case 'DeleteField':
        if (fields.length > 0) {
          const copy: Record<string, unknown> = { ...(target as object) }
          delete copy[fields[b.field % fields.length] as string]
          out[i] = copy
        }
        break
      case 'AddField':
        if (fields.length > 0) out[i] = { ...(target as object), note2: oddValues[b.value] }
        break
      case 'Drop':
        out.splice(i, 1)
        break
      case 'Repeat':
        out.splice(i, 0, target)
        break
      case 'Swap': {
        const j = b.other % out.length
        out[i] = out[j]
        out[j] = target
        break
      }
      case 'NotAnEvent':
        out[i] = oddValues[b.value]
        break
      case 'ClassMade':
        if (fields.length > 0) out[i] = new EventObject(target as object)
        break
      case 'UndefinedOptional':
        if (fields.length > 0)
          out[i] = { ...(target as object), [optionalFields[b.index % optionalFields.length] as string]: undefined }
        break
    }
  }
  return out
}

/**
 * A decided history (from a random walk of commands in the default context), broken in zero to
 * three ways: about half the histories are left whole.
 */
export const maybeBrokenHistory: fc.Arbitrary<{
  readonly events: ReadonlyArray<unknown>
  readonly breakages: ReadonlyArray<Breakage>
}> = fc
  .tuple(
    commandWalk,
    fc.oneof(
      { weight: 1, arbitrary: fc.constant([]) },
      { weight: 1, arbitrary: fc.array(breakage, { minLength: 1, maxLength: 3 }) }
    )
  )
  .map(([commands, breakages]) => ({
    events: breakHistory(acceptedEvents(commands, Ticket.defaultContext), breakages),
    breakages
  }))
