// The report command never passes an empty rendering off as the report.
import { describe, expect, it } from 'vitest'
import { whole } from '../../src/cli/logCommands.js'

describe('whole', () => {
  it('lets a rendered report through as it is', () => {
    expect(whole('json', '{}')).toBe('{}')
  })

  it('turns the empty text a renderer answers when it cannot render into an input failure naming the way out', () => {
    // the renderers answer '' when the text would pass JavaScript's longest string (an audit
    // found a report that printed an empty line and exited 0 after 54 s)
    expect(() => whole('csv', '')).toThrow(
      expect.objectContaining({
        _tag: 'CliFailure',
        kind: 'input',
        message: expect.stringContaining('--split --out DIR')
      })
    )
  })
})
