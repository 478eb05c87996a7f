import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import { Kind } from '../../src/index.js'
import { getRight } from '../helpers/unsafe.js'

const rules = Kind.defaultKindRules
const ask = (q: (k: Kind.TicketKind) => (r: Kind.KindRules) => boolean) =>
  Object.fromEntries(Kind.allKinds.map((k) => [k, pipe(rules, q(k))]))

describe('the default kind rules', () => {
  it('incidents are prioritised and SLA-bound, with a response and a resolution target', () => {
    expect(pipe(rules, Kind.needsPriority('incident'))).toBe(true)
    expect(pipe(rules, Kind.hasResponseTarget('incident'))).toBe(true)
    expect(pipe(rules, Kind.hasResolutionTarget('incident'))).toBe(true)
    expect(pipe(rules, Kind.isSlaBound('incident'))).toBe(true)
  })

  it('a question or feedback needs no priority; feedback cannot even have one', () => {
    expect(ask(Kind.needsPriority)).toStrictEqual({
      incident: true,
      serviceRequest: true,
      question: false,
      problem: true,
      feedback: false
    })
    expect(ask(Kind.allowsPriority)).toStrictEqual({
      incident: true,
      serviceRequest: true,
      question: true,
      problem: true,
      feedback: false
    })
  })

  it('a problem has no requester, so no requester-facing response target', () => {
    expect(ask(Kind.hasRequester)).toStrictEqual({
      incident: true,
      serviceRequest: true,
      question: true,
      problem: false,
      feedback: true
    })
    expect(ask(Kind.hasResponseTarget)).toStrictEqual({
      incident: true,
      serviceRequest: true,
      question: true,
      problem: false,
      feedback: false
    })
  })

  it('only a service request may carry a requested-by date', () => {
    expect(ask(Kind.allowsRequestedBy)).toStrictEqual({
      incident: false,
      serviceRequest: true,
      question: false,
      problem: false,
      feedback: false
    })
  })

  it('incidents run on workarounds and link to problems; problems record known errors', () => {
    expect(ask(Kind.allowsWorkaround)).toStrictEqual({
      incident: true,
      serviceRequest: false,
      question: false,
      problem: true,
      feedback: false
    })
    expect(ask(Kind.allowsProblemLink)).toStrictEqual({
      incident: true,
      serviceRequest: false,
      question: false,
      problem: false,
      feedback: false
    })
  })

  it('SLA-bound kinds are those with any target', () => {
    expect(ask(Kind.isSlaBound)).toStrictEqual({
      incident: true,
      serviceRequest: true,
      question: true,
      problem: false,
      feedback: false
    })
    expect(pipe(rules, Kind.ruleFor('question'))).toStrictEqual(rules.kinds.question)
  })

  it('the default rules are themselves valid kind rules', () => {
    expect(Kind.makeKindRules(rules.kinds)).toStrictEqual(E.right(rules))
  })
})

describe('custom kind rules', () => {
  it('a desk that answers feedback within a target, and never prioritises questions', () => {
    const custom = getRight(
      Kind.makeKindRules({
        ...rules.kinds,
        feedback: { ...rules.kinds.feedback, responseTarget: true },
        question: { ...rules.kinds.question, priority: 'none' }
      })
    )
    expect(pipe(custom, Kind.hasResponseTarget('feedback'))).toBe(true)
    expect(pipe(custom, Kind.allowsPriority('question'))).toBe(false)
  })

  it('rules read from JSON answer the same questions', () => {
    const json = JSON.parse(JSON.stringify(Kind.encodeKindRules(rules)))
    expect(Kind.decodeKindRules(json)).toStrictEqual(E.right(rules))
  })
})

describe('channels', () => {
  it('monitoring reports before the customer noticed; phone and chat are live conversations', () => {
    expect(Kind.allChannels.filter(Kind.isProactive)).toStrictEqual(['monitoring'])
    expect(Kind.allChannels.filter(Kind.isLive)).toStrictEqual(['phone', 'chat'])
  })

  it('guards tell kinds and channels from other strings', () => {
    expect(['incident', 'Incident', 'service_request', 'serviceRequest', 42].filter(Kind.isKind)).toStrictEqual([
      'incident',
      'serviceRequest'
    ])
    expect(['email', 'e-mail', 'fax', null, 'monitoring'].filter(Kind.isChannel)).toStrictEqual(['email', 'monitoring'])
  })
})
