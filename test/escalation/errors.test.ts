import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import type { Ticket } from '../../src/index.js'
import * as Escalation from '../../src/escalation/index.js'
import { getLeft, instant, minutes } from '../helpers/unsafe.js'
import { system } from './helpers.js'

describe('escalation errors', () => {
  it('a ladder without tiers', () => {
    expect(getLeft(Escalation.makeTiers([]))).toStrictEqual({
      _tag: 'NoTiers',
      path: 'tiers',
      message: 'tiers: expected at least one tier (such as the service desk "L1"), received an empty list'
    })
    expect(
      getLeft(Escalation.make({ ...Escalation.examplePolicy, tiers: [] as unknown as Escalation.Tiers }))._tag
    ).toBe('NoTiers')
  })

  it('two tiers with one name', () => {
    expect(
      getLeft(Escalation.decodeTiers([{ name: 'L1' }, { name: 'L2' }, { name: 'L2', timebox: 'PT1H' }]))
    ).toStrictEqual({
      _tag: 'DuplicateTier',
      path: 'tiers[2].name',
      message: 'tiers[2].name: expected a tier name not used before, received "L2", the name of tiers[1]'
    })
  })

  it('a priority rule naming a tier the ladder does not have', () => {
    expect(
      getLeft(Escalation.make({ ...Escalation.examplePolicy, priorities: { P2: { atLeast: 'second line' } } }))
    ).toStrictEqual({
      _tag: 'UnknownTier',
      path: 'priorities.P2.atLeast',
      message:
        'priorities.P2.atLeast: expected one of the policy\'s tiers ("L1", "L2", "solution team", "vendor"), received "second line"'
    })
  })

  it('a negative timebox, typed or from JSON, with its path', () => {
    const negative = 'tiers[0].timebox: expected a non-negative ISO-8601 duration such as "PT30M", received "-PT30M"'
    expect(getLeft(Escalation.makeTiers([{ name: 'L1', timebox: -minutes(30) as never }])).message).toBe(negative)
    expect(getLeft(Escalation.decodeTiers([{ name: 'L1', timebox: '-PT30M' }])).message).toBe(negative)
  })

  it('malformed JSON: every problem with its path', () => {
    const e = getLeft(
      Escalation.decodePolicy({
        _tag: 'EscalationPolicy',
        name: '',
        tiers: [
          { name: ' ', external: { party: 'isp', underpinning: { P1: '-PT4H' } } },
          { name: 'L2', colour: 'red' }
        ],
        notices: [{ metric: 'speed', threshold: 1, audience: 'manager' }],
        priorities: { P1: { atLeast: 'L2', notify: ['ceo'] } }
      })
    )
    expect(e.message.split('\n')).toStrictEqual([
      'name: expected a name of 1 to 200 characters, received ""',
      'tiers[0].name: expected a tier name of 1 to 100 characters, not blank, received " "',
      'tiers[0].external.party: expected one of "vendor" | "thirdParty", received "isp"',
      'tiers[0].external.underpinning.P1: expected a non-negative ISO-8601 duration such as "PT30M", received "-PT4H"',
      'tiers[1].colour: expected no property "colour" here (known: name, timebox, external), received a string of 3 characters',
      'notices[0].metric: expected one of "response" | "resolution" | "update" | "restore", received "speed"',
      'notices[0].threshold: expected a fraction of the target strictly between 0 and 1, or "breach", received 1',
      'priorities.P1.notify[0]: expected one of "assignee" | "teamLead" | "manager", received "ceo"',
      'holdUntilOpen: expected boolean, received nothing'
    ])
    expect(getLeft(Escalation.decodeTiers('L1')).message).toBe(
      'tiers: expected a list of escalation tiers, received "L1"'
    )
  })

  it('typed input that is not even data is a decode error, not an exception', () => {
    expect(getLeft(Escalation.make({ ...Escalation.examplePolicy, tiers: null } as never)).message).toBe(
      '$: expected plain data of the documented shape, received an object'
    )
  })

  it('an escalation command without a handover note', () => {
    const decision: Escalation.Decision = {
      _tag: 'EscalationDue',
      ticketId: 'INC-42' as Ticket.TicketId,
      fromTier: 'L1',
      toTier: 'L2',
      reason: { _tag: 'PriorityDemands', priority: 'P1', atLeast: 'L2' },
      dueSince: instant('2025-03-10T09:00:00Z')
    }
    expect(
      getLeft(pipe([decision], Escalation.toCommands({ at: instant('2025-03-10T09:05:00Z'), actor: system })))
    ).toStrictEqual({
      _tag: 'HandoverNoteRequired',
      path: 'decisions[0].note',
      ticketId: 'INC-42',
      message:
        'decisions[0].note: expected a handover note for the escalation of ticket "INC-42" from "L1" to "L2", so the next tier can continue without asking again, received nothing'
    })
  })

  it('a decision a cast let in: an audience or a reason no policy gives, or an escalation without a target tier', () => {
    const notice = {
      _tag: 'NoticeDue',
      ticketId: 'INC-42',
      audience: 'board',
      reason: 'resolution:breach',
      dueSince: instant('2025-03-10T09:00:00Z'),
      sendAt: instant('2025-03-10T09:00:00Z')
    }
    const options = { at: instant('2025-03-10T09:05:00Z'), actor: system, note: 'n' }
    expect(getLeft(pipe([notice] as never, Escalation.toCommands(options))).message).toBe(
      'decisions[0]: expected an escalation decision (EscalationDue or NoticeDue), received an object'
    )
    const { audience: _, ...noAudience } = notice
    const escalation = { _tag: 'EscalationDue', ticketId: 'INC-42', fromTier: 'L1', dueSince: notice.dueSince }
    const manager = { ...notice, audience: 'manager' }
    // reasons a policy never gives: no metric, an unknown one, no share, a share that is no number
    const reasons = ['told by phone', 'speed:breach', 'resolution:', 'resolution: 0.5', 'resolution:most', 7]
    for (const bad of [noAudience, ...reasons.map((reason) => ({ ...manager, reason })), escalation])
      expect(getLeft(pipe([bad] as never, Escalation.toCommands(options))).message).toBe(
        'decisions[0]: expected an escalation decision (EscalationDue or NoticeDue), received an object'
      )
    // the same values with the field put right pass
    expect(
      pipe(
        [
          manager,
          ...['resolution:0.75', 'update:breach', 'priority:P1', 'priority:Major incident'].map((reason) => ({
            ...manager,
            reason
          })),
          { ...escalation, toTier: 'L2' }
        ] as never,
        Escalation.toCommands(options)
      )._tag
    ).toBe('Right')
  })
})
