import { describe, expect, it } from 'vitest'
import { Classification, Kind } from '../../src/index.js'
import { getLeft } from '../helpers/unsafe.js'
import { categories, context } from './nordicDesk.js'

// Pins the wording of every classification error: users read these, and tests elsewhere switch on _tag.
const tree = (json: unknown) => getLeft(Classification.decodeCategoryTree(json))
const kinds = (json: unknown) => getLeft(Kind.decodeKindRules(json))
const classifier = (json: unknown, ctx: Classification.ClassifierContext = context) =>
  getLeft(Classification.decodeClassifier(json, ctx))
const oneRule = (rule: Record<string, unknown>) =>
  classifier({ rules: [{ id: 'r1', when: { _tag: 'ReportedByMonitoring' }, then: { kind: 'incident' }, ...rule }] })
const defaults = Kind.defaultKindRules.kinds

describe('kind rule errors', () => {
  it('a response target on a kind without a requester', () => {
    expect(
      kinds({ ...defaults, feedback: { ...defaults.feedback, requester: false, responseTarget: true } })
    ).toStrictEqual({
      _tag: 'InconsistentKindRule',
      path: 'feedback.responseTarget',
      kind: 'feedback',
      message:
        'feedback.responseTarget: expected false when feedback.requester is false (a response target is a promise to the requester), received true'
    })
  })

  it('a problem with a requester', () => {
    expect(kinds({ ...defaults, problem: { ...defaults.problem, requester: true } }).message).toBe(
      'problem.requester: expected false (a problem is the cause behind incidents; the requesters are on the incidents), received true'
    )
  })

  it('a problem linked to a problem', () => {
    expect(kinds({ ...defaults, problem: { ...defaults.problem, problemLink: true } }).message).toBe(
      'problem.problemLink: expected false (a problem is not one of the tickets a problem causes), received true'
    )
  })

  it('malformed kind rules, every issue with its path', () => {
    const { serviceRequest: _, ...withoutServiceRequest } = defaults
    const e = kinds({
      ...withoutServiceRequest,
      incident: { ...defaults.incident, priority: 'P1', sla: true },
      feedback: 'none'
    })
    expect(e._tag).toBe('DecodeError')
    expect(e.message.split('\n')).toStrictEqual([
      'incident.priority: expected one of "required" | "optional" | "none", received "P1"',
      'incident.sla: expected no property "sla" here (known: priority, responseTarget, resolutionTarget, requester, requestedBy, workaround, problemLink), received true',
      'serviceRequest: expected the rules of a ticket kind, received nothing',
      'feedback: expected the rules of a ticket kind, received "none"'
    ])
  })
})

describe('category tree errors name the path and the id', () => {
  it('a duplicate id', () => {
    expect(
      tree({
        categories: [
          { id: 'network', name: 'Network' },
          { id: 'email', name: 'E-mail' },
          { id: 'network', name: 'Nettverk' }
        ]
      })
    ).toStrictEqual({
      _tag: 'DuplicateCategoryId',
      path: 'categories[2].id',
      id: 'network',
      first: 'categories[0]',
      message:
        'categories[2].id: expected an id no other category has, received "network", already the id of categories[0]'
    })
  })

  it('a parent that does not exist', () => {
    expect(
      tree({
        categories: [
          { id: 'network', name: 'Network' },
          { id: 'network.wifi', name: 'Wi-Fi', parent: 'netwrk' }
        ]
      })
    ).toStrictEqual({
      _tag: 'UnknownParent',
      path: 'categories[1].parent',
      id: 'network.wifi',
      parent: 'netwrk',
      message:
        'categories[1].parent: expected the id of a category in this tree, received "netwrk" (the parent of "network.wifi")'
    })
  })

  it('a category that is its own parent', () => {
    expect(tree({ categories: [{ id: 'loop', name: 'Loop', parent: 'loop' }] })).toStrictEqual({
      _tag: 'CategoryCycle',
      path: 'categories[0].parent',
      id: 'loop',
      cycle: ['loop', 'loop'],
      message:
        'categories[0].parent: expected a chain of parents that ends at a service, received "loop", which leads back to "loop" ("loop" → "loop")'
    })
  })

  it('a cycle is reported at its node that comes first in the spec, even when reached from elsewhere', () => {
    const e = tree({
      categories: [
        { id: 'leaf', name: 'Leaf', parent: 'c' },
        { id: 'b', name: 'B', parent: 'c' },
        { id: 'c', name: 'C', parent: 'd' },
        { id: 'd', name: 'D', parent: 'b' }
      ]
    })
    expect(e).toMatchObject({
      _tag: 'CategoryCycle',
      path: 'categories[1].parent',
      id: 'b',
      cycle: ['b', 'c', 'd', 'b']
    })
    expect(e.message).toBe(
      'categories[1].parent: expected a chain of parents that ends at a service, received "c", which leads back to "b" ("b" → "c" → "d" → "b")'
    )
  })

  it('a node under a subcategory', () => {
    const e = tree({
      categories: [
        { id: 'erp', name: 'ERP' },
        { id: 'erp.batch', name: 'Batch jobs', parent: 'erp' },
        { id: 'erp.batch.invoicing', name: 'Invoicing', parent: 'erp.batch' },
        { id: 'erp.batch.invoicing.eu', name: 'EU invoicing', parent: 'erp.batch.invoicing' }
      ]
    })
    expect(e).toStrictEqual({
      _tag: 'CategoryTooDeep',
      path: 'categories[3].parent',
      id: 'erp.batch.invoicing.eu',
      parent: 'erp.batch.invoicing',
      message:
        'categories[3].parent: expected the id of a service or a category (trees go service → category → subcategory), received "erp.batch.invoicing", a subcategory (the parent of "erp.batch.invoicing.eu")'
    })
  })

  it('malformed nodes, every issue with its path', () => {
    const e = tree({
      categories: [
        { id: 'Nettverk og trådløst', name: 'Network' },
        { id: 'email', name: '   ' },
        { id: 'wifi', parent: 7, title: 'Wi-Fi' },
        'printers'
      ]
    })
    expect(e._tag).toBe('DecodeError')
    expect(e.message.split('\n')).toStrictEqual([
      'categories[0].id: expected a category id: 1–64 ASCII letters, digits or . _ - / :, starting with a letter or digit, received "Nettverk og trådløst"',
      'categories[1].name: expected a name of 1–200 characters, not only spaces, received "   "',
      'categories[2].name: expected a name of 1–200 characters, not only spaces, received nothing',
      'categories[2].parent: expected a category id: 1–64 ASCII letters, digits or . _ - / :, starting with a letter or digit, received 7',
      'categories[2].title: expected no property "title" here (known: id, name, parent), received a string of 5 characters',
      'categories[3]: expected a category, received "printers"'
    ])
  })

  it('not a tree at all', () => {
    expect(tree([]).message).toBe('$: expected a category tree, received an array of 0 items')
    expect(tree({ categories: {} }).message).toBe('categories: expected a list of categories, received an object')
  })
})

describe('classifier errors name the path of the rule part', () => {
  it('a duplicate rule id', () => {
    const rule = { id: 'alerts', when: { _tag: 'ReportedByMonitoring' }, then: { kind: 'incident' } }
    expect(classifier({ rules: [rule, { ...rule, id: 'other' }, rule] })).toStrictEqual({
      _tag: 'DuplicateRuleId',
      path: 'rules[2].id',
      id: 'alerts',
      first: 'rules[0]',
      message: 'rules[2].id: expected an id no other rule has, received "alerts", already the id of rules[0]'
    })
  })

  it('a category the tree does not have', () => {
    expect(oneRule({ then: { kind: 'serviceRequest', category: 'workplace.acounts.password' } })).toStrictEqual({
      _tag: 'UnknownCategory',
      path: 'rules[0].then.category',
      rule: 'r1',
      received: 'workplace.acounts.password',
      message:
        'rules[0].then.category: expected the id of a category in the category tree, received "workplace.acounts.password"'
    })
  })

  it('a service the tree does not have, deep in a condition', () => {
    const when = {
      _tag: 'Any',
      conditions: [
        { _tag: 'ReportedByMonitoring' },
        { _tag: 'All', conditions: [{ _tag: 'Service', services: ['erp', 'sap'] }] }
      ]
    }
    expect(oneRule({ when }).message).toBe(
      'rules[0].when.conditions[1].conditions[0].services[1]: expected the id of a service or category in the category tree, received "sap"'
    )
  })

  it('a pattern with no letter or digit', () => {
    expect(oneRule({ when: { _tag: 'Text', patterns: ['passord', ' -- '] } })).toStrictEqual({
      _tag: 'EmptyPattern',
      path: 'rules[0].when.patterns[1]',
      rule: 'r1',
      received: '" -- "',
      message: 'rules[0].when.patterns[1]: expected a pattern with at least one letter or digit, received " -- "'
    })
  })

  it('a long pattern is summarised, never echoed', () => {
    const e = oneRule({ when: { _tag: 'Text', patterns: ['!'.repeat(150)] } })
    expect(e.message).toBe(
      'rules[0].when.patterns[0]: expected a pattern with at least one letter or digit, received a string of 150 characters'
    )
    const tooLong = oneRule({ when: { _tag: 'Text', patterns: ['hemmelig '.repeat(30)] } })
    expect(tooLong.message).toBe(
      'rules[0].when.patterns[0]: expected a pattern of 1–200 characters, received a string of 270 characters'
    )
  })

  it('an urgency or impact the priority matrix does not have', () => {
    expect(oneRule({ then: { urgency: 'urgent' } })).toStrictEqual({
      _tag: 'UnknownLevel',
      path: 'rules[0].then.urgency',
      rule: 'r1',
      received: 'urgent',
      levels: ['high', 'medium', 'low'],
      message: 'rules[0].then.urgency: expected one of "high" | "medium" | "low", received "urgent"'
    })
    expect(oneRule({ then: { impact: 'extensive' } }).message).toBe(
      'rules[0].then.impact: expected one of "high" | "medium" | "low", received "extensive"'
    )
  })

  it('without levels in the context, any level name is accepted', () => {
    expect(
      Classification.decodeClassifier(
        { rules: [{ id: 'r', when: { _tag: 'ReportedByMonitoring' }, then: { urgency: 'urgent' } }] },
        { categories }
      )._tag
    ).toBe('Right')
  })

  it('a rule that proposes nothing', () => {
    expect(oneRule({ then: {} })).toStrictEqual({
      _tag: 'EmptyProposal',
      path: 'rules[0].then',
      rule: 'r1',
      message:
        'rules[0].then: expected at least one of kind, category, urgency, impact, received a rule ("r1") that proposes nothing'
    })
  })

  it('conditions nested deeper than 8', () => {
    let when: Record<string, unknown> = { _tag: 'ReportedByMonitoring' }
    for (let i = 0; i < 8; i++) when = { _tag: i % 2 === 0 ? 'All' : 'Any', conditions: [when] }
    expect(oneRule({ when })).toStrictEqual({
      _tag: 'ConditionTooDeep',
      path: 'rules[0].when.conditions[0].conditions[0].conditions[0].conditions[0].conditions[0].conditions[0].conditions[0].conditions[0]',
      rule: 'r1',
      message:
        'rules[0].when.conditions[0].conditions[0].conditions[0].conditions[0].conditions[0].conditions[0].conditions[0].conditions[0]: expected conditions nested at most 8 deep, received a condition at depth 9'
    })
  })

  it('malformed rules, every issue with its path: unknown channels, conditions and fields', () => {
    const e = classifier({
      rules: [
        { id: 'r1', when: { _tag: 'Channel', channels: ['email', 'fax'] }, then: { kind: 'Incident' } },
        { id: 'r2', when: { _tag: 'Keyword', patterns: ['x'] }, then: { priority: 1 } },
        { id: '', when: { _tag: 'Text', patterns: [], match: 'fuzzy' }, then: { urgency: '' } },
        {
          when: { _tag: 'Any', conditions: [{ _tag: 'Customer', customers: [' '] }] },
          then: { category: 'a b' },
          stop: 'yes'
        }
      ]
    })
    expect(e._tag).toBe('DecodeError')
    expect(e.message.split('\n')).toStrictEqual([
      'rules[0].when.channels[1]: expected one of "phone" | "chat" | "email" | "portal" | "monitoring", received "fax"',
      'rules[0].then.kind: expected one of "incident" | "serviceRequest" | "question" | "problem" | "feedback", received "Incident"',
      'rules[1].when._tag: expected one of "Channel" | "Customer" | "Text" | "ReportedByMonitoring" | "Service" | "All" | "Any", received "Keyword"',
      'rules[1].then.priority: expected no property "priority" here (known: kind, category, urgency, impact), received 1',
      'rules[2].id: expected a rule id of 1–100 characters, not only spaces, received ""',
      'rules[2].when.patterns: expected a non-empty list of patterns, received an array of 0 items',
      'rules[2].when.match: expected one of "wordStart" | "word" | "substring", received "fuzzy"',
      'rules[2].then.urgency: expected a level name of 1–60 characters, not only spaces, received ""',
      'rules[3].id: expected a rule id of 1–100 characters, not only spaces, received nothing',
      'rules[3].when.conditions[0].customers[0]: expected a customer id of 1–100 characters, not only spaces, received " "',
      'rules[3].then.category: expected a category id: 1–64 ASCII letters, digits or . _ - / :, starting with a letter or digit, received "a b"',
      'rules[3].stop: expected boolean, received "yes"'
    ])
  })
})

describe('every message is readable', () => {
  it('starts with a path, says expected and received, and has no undefined or [object Object]', () => {
    const errors = [
      tree({ categories: [{ id: 'a', name: 'A', parent: 'a' }] }),
      tree({ categories: 'x' }),
      kinds(null),
      oneRule({ then: {} }),
      oneRule({ when: { _tag: 'Text', patterns: ['…'] } }),
      classifier({ rules: [{ id: 'x', when: { _tag: 'All', conditions: [] }, then: { kind: 'x' } }] }),
      classifier(undefined)
    ]
    for (const e of errors) {
      for (const line of e.message.split('\n')) expect(line).toMatch(/^[$\w[\].]+: expected .+, received .+/)
      expect(e.message).not.toMatch(/undefined|\[object Object\]/)
    }
  })
})
