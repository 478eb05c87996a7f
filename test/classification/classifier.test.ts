import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import { Classification } from '../../src/index.js'
import { deepFreeze, getRight } from '../helpers/unsafe.js'
import { classifier, classifierJson, context } from './nordicDesk.js'

const classify = (input: Classification.ClassifierInput): Classification.Proposal =>
  pipe(classifier, Classification.classify(deepFreeze(input)))

const passwordReset = {
  kind: 'serviceRequest',
  category: 'workplace.accounts.password',
  urgency: 'medium',
  impact: 'low'
}

describe('a Nordic desk classifies new tickets', () => {
  it('"Jeg har glemt passordet" (Norwegian) is a service request to reset a password', () => {
    const proposal = classify({ channel: 'email', text: 'Jeg har glemt passordet' })
    expect(proposal.fields).toStrictEqual(passwordReset)
    expect(proposal.origins.kind).toStrictEqual({
      _tag: 'Proposed',
      value: 'serviceRequest',
      rule: 'password-reset',
      ruleIndex: 3,
      reasons: [{ path: 'rules[3].when.patterns[1]', condition: 'Text', criterion: 'passord', matched: 'passordet' }]
    })
  })

  it('"Jag har glömt mitt lösenord" (Swedish) is a password reset', () => {
    const proposal = classify({ channel: 'portal', text: 'Jag har glömt mitt lösenord' })
    expect(proposal.fields).toStrictEqual(passwordReset)
    expect(proposal.origins.category).toMatchObject({ reasons: [{ criterion: 'lösenord', matched: 'lösenord' }] })
  })

  it('"Unohdin salasanani" (Finnish) is a password reset: the pattern matches the start of the inflected word', () => {
    const proposal = classify({ channel: 'chat', text: 'Unohdin salasanani' })
    expect(proposal.fields).toStrictEqual(passwordReset)
    expect(proposal.origins.category).toMatchObject({ reasons: [{ criterion: 'salasana', matched: 'salasanani' }] })
  })

  it('"Zapomniałem hasła" (Polish) is a password reset through the genitive form the rule lists', () => {
    const proposal = classify({ channel: 'phone', text: 'Zapomniałem hasła' })
    expect(proposal.fields).toStrictEqual(passwordReset)
    expect(proposal.origins.category).toMatchObject({
      reasons: [{ path: 'rules[3].when.patterns[5]', criterion: 'hasła', matched: 'hasła' }]
    })
  })

  it('the same sentences typed without accents, in capitals or with odd spacing classify the same', () => {
    for (const text of [
      'Jag har glomt mitt losenord',
      'JAG HAR GLÖMT MITT LÖSENORD',
      'Zapomnialem hasla',
      'Zapomniałem   HASŁA!!',
      'glemt passord?'
    ])
      expect(classify({ channel: 'email', text }).fields).toStrictEqual(passwordReset)
  })

  it('"internett er nede for alle" is an incident on internet access with high impact', () => {
    const proposal = classify({ channel: 'phone', text: 'internett er nede for alle' })
    expect(proposal.fields).toStrictEqual({ kind: 'incident', category: 'network.internet', impact: 'high' })
    expect(proposal.origins.kind).toStrictEqual({
      _tag: 'Proposed',
      value: 'incident',
      rule: 'internet-down',
      ruleIndex: 4,
      reasons: [
        {
          path: 'rules[4].when.conditions[0].patterns[0]',
          condition: 'Text',
          criterion: 'internett',
          matched: 'internett'
        },
        { path: 'rules[4].when.conditions[1].patterns[0]', condition: 'Text', criterion: 'nede', matched: 'nede' }
      ]
    })
    expect(proposal.origins.impact).toStrictEqual({
      _tag: 'Proposed',
      value: 'high',
      rule: 'everyone',
      ruleIndex: 5,
      reasons: [{ path: 'rules[5].when.patterns[0]', condition: 'Text', criterion: 'for alle', matched: 'for alle' }]
    })
    expect(proposal.origins.urgency).toStrictEqual({ _tag: 'Unset' })
  })

  it('"for alle" is matched as whole words: "for allerede" does not raise the impact', () => {
    expect(classify({ channel: 'phone', text: 'nettet var nede for allerede en time siden' }).fields).toStrictEqual({
      kind: 'incident',
      category: 'network.internet'
    })
  })

  it('an alert from monitoring is an incident on the affected service; later rules fill what earlier ones left', () => {
    const proposal = classify({
      channel: 'monitoring',
      service: 'erp',
      text: 'CRITICAL: erp-app01 health check failed'
    })
    expect(proposal.fields).toStrictEqual({ kind: 'incident', category: 'erp.availability', urgency: 'high' })
    expect(proposal.origins.category).toStrictEqual({
      _tag: 'Proposed',
      value: 'erp.availability',
      rule: 'erp-alert',
      ruleIndex: 1,
      reasons: [
        {
          path: 'rules[1].when.conditions[0]',
          condition: 'ReportedByMonitoring',
          criterion: 'monitoring',
          matched: 'monitoring'
        },
        { path: 'rules[1].when.conditions[1].services[0]', condition: 'Service', criterion: 'erp', matched: 'erp' }
      ]
    })
    expect(proposal.origins.kind).toMatchObject({ _tag: 'Proposed', rule: 'monitoring-alert', ruleIndex: 2 })
  })

  it('an alert on a category under the service counts as an alert on the service', () => {
    const proposal = classify({ channel: 'monitoring', service: 'erp.batch.invoicing', text: 'Job INV-NIGHTLY failed' })
    expect(proposal.fields).toStrictEqual({ kind: 'incident', category: 'erp.availability', urgency: 'high' })
    expect(proposal.origins.category).toMatchObject({
      reasons: [{}, { criterion: 'erp', matched: 'erp.batch.invoicing' }]
    })
  })

  it('an alert on another service is an incident without a category', () => {
    expect(classify({ channel: 'monitoring', service: 'email', text: 'SMTP queue above 500' }).fields).toStrictEqual({
      kind: 'incident',
      urgency: 'high'
    })
  })

  it('a suspicious e-mail is a security incident, and its stop keeps the password rule out', () => {
    const proposal = classify({ channel: 'email', text: 'Jeg fikk en mistenkelig e-post som ba om passordet mitt' })
    expect(proposal.fields).toStrictEqual({ kind: 'incident', category: 'security.phishing', urgency: 'high' })
    expect(proposal.origins.impact).toStrictEqual({ _tag: 'Unset' })
    expect(proposal.origins.kind).toMatchObject({
      rule: 'suspicious-email',
      reasons: [{ path: 'rules[0].when.patterns[3]', criterion: 'mistenkelig e-post', matched: 'mistenkelig e-post' }]
    })
  })

  it('a kind the agent already set is kept; the other fields are still proposed', () => {
    const proposal = classify({ channel: 'phone', text: 'Jeg har glemt passordet', explicit: { kind: 'incident' } })
    expect(proposal.fields).toStrictEqual({ ...passwordReset, kind: 'incident' })
    expect(proposal.origins.kind).toStrictEqual({ _tag: 'Kept', value: 'incident' })
  })

  it('fields the agent set are kept even when a stop rule matches', () => {
    const proposal = classify({ channel: 'email', text: 'phishing!', explicit: { urgency: 'low', impact: 'medium' } })
    expect(proposal.fields).toStrictEqual({
      kind: 'incident',
      category: 'security.phishing',
      urgency: 'low',
      impact: 'medium'
    })
  })

  it('a VIP customer raises the urgency only when no earlier rule set it', () => {
    expect(classify({ channel: 'phone', customer: 'acme-hq', text: 'Skriveren virker ikke' }).fields).toStrictEqual({
      urgency: 'high'
    })
    expect(classify({ channel: 'phone', customer: 'acme-hq', text: 'Glemt passord' }).fields).toStrictEqual(
      passwordReset
    )
  })

  it('a ticket no rule matches gets an empty proposal', () => {
    const proposal = classify({ channel: 'portal', text: 'Takk for hjelpen i går!' })
    expect(proposal).toStrictEqual({
      _tag: 'Proposal',
      fields: {},
      origins: {
        kind: { _tag: 'Unset' },
        category: { _tag: 'Unset' },
        urgency: { _tag: 'Unset' },
        impact: { _tag: 'Unset' }
      }
    })
  })

  it('the explanation reads as one line per field', () => {
    const proposal = classify({
      channel: 'monitoring',
      service: 'erp.batch',
      text: 'Batch stuck',
      explicit: { impact: 'medium' }
    })
    expect(Classification.explain(proposal)).toStrictEqual([
      'kind: "incident", proposed by rule "monitoring-alert" (rules[2]): reported by monitoring',
      'category: "erp.availability", proposed by rule "erp-alert" (rules[1]): reported by monitoring and affected service "erp.batch" is under "erp"',
      'urgency: "high", proposed by rule "monitoring-alert" (rules[2]): reported by monitoring',
      'impact: "medium", kept (set explicitly)'
    ])
    expect(Classification.explain(classify({ channel: 'chat', customer: 'acme-hq', text: '?' }))).toContain(
      'urgency: "high", proposed by rule "vip" (rules[6]): customer is "acme-hq"'
    )
  })
})

describe('text matching', () => {
  const only = (patterns: ReadonlyArray<string>, match?: Classification.TextMatch) =>
    getRight(
      Classification.makeClassifier(
        {
          rules: [
            {
              id: 'r',
              when: {
                _tag: 'Text',
                patterns: patterns as [string, ...string[]],
                ...(match === undefined ? {} : { match })
              },
              then: { kind: 'question' }
            }
          ]
        },
        context
      )
    )
  const matched = (c: Classification.Classifier, text: string): string | undefined => {
    const o = pipe(c, Classification.classify({ channel: 'email', text })).origins.kind
    return o._tag === 'Proposed' ? o.reasons[0].matched : undefined
  }

  it('by default a pattern matches at the start of a word: inflections and compounds that begin with it', () => {
    const c = only(['passord'])
    expect(matched(c, 'Passordet mitt')).toBe('Passordet')
    expect(matched(c, 'passordbytte i dag')).toBe('passordbytte')
    expect(matched(c, 'nytt engangspassord')).toBeUndefined()
  })

  it('"word" needs whole words; "substring" also finds the pattern inside a word', () => {
    expect(matched(only(['ned'], 'word'), 'nettet er ned')).toBe('ned')
    expect(matched(only(['ned'], 'word'), 'nettet er nede')).toBeUndefined()
    expect(matched(only(['passord'], 'substring'), 'nytt engangspassord')).toBe('engangspassord')
  })

  it('the matched fragment is shown as written, punctuation between its words included', () => {
    expect(matched(only(['e post']), 'Min E-post fungerer ikke')).toBe('E-post')
    expect(matched(only(['for alle']), 'Nede for   ALLE!')).toBe('for   ALLE')
  })

  it('letters that do not decompose match their plain spelling both ways', () => {
    const pairs: ReadonlyArray<readonly [string, string]> = [
      ['Sørlandet', 'sorlandet'],
      ['Ærø', 'aero'],
      ['Łódź', 'lodz'],
      ['Đakovo', 'dakovo'],
      ['Straße', 'strasse'],
      ['Œuvre', 'oeuvre'],
      ['Þingvellir', 'thingvellir'],
      ['Reykjavíkurborgð', 'reykjavikurborgd']
    ]
    for (const [written, plain] of pairs) {
      expect(matched(only([plain]), written)).toBe(written)
      expect(matched(only([written]), plain)).toBe(plain)
    }
  })

  it('a word longer than 60 characters is shown only where it matched', () => {
    const long = `${'x'.repeat(70)}passord`
    expect(matched(only(['passord'], 'substring'), `se ${long}`)).toBe('passord')
  })

  it('the first pattern of a condition that matches explains it', () => {
    const c = only(['nede', 'internett'])
    expect(pipe(c, Classification.classify({ channel: 'chat', text: 'internett nede' })).origins.kind).toMatchObject({
      reasons: [{ path: 'rules[0].when.patterns[0]', criterion: 'nede' }]
    })
  })
})

describe('classifier JSON', () => {
  it('the Nordic desk classifier round-trips through JSON', () => {
    const json = JSON.parse(JSON.stringify(Classification.encodeClassifier(classifier)))
    expect(json).toStrictEqual(classifierJson)
    expect(Classification.decodeClassifier(json, context)).toStrictEqual(E.right(classifier))
  })
})
