import { describe, expect, it } from 'vitest'

import { richTextBlocks } from './richText'

const text = (value: string) => ({ type: 'text', text: value })

describe('richTextBlocks', () => {
  it('gives each block its text, list items and line breaks kept apart', () => {
    const value = {
      root: {
        children: [
          { type: 'heading', children: [text('The '), text('blackout')] },
          { type: 'paragraph', children: [] },
          {
            type: 'list',
            children: [
              { type: 'listitem', children: [text('one')] },
              { type: 'listitem', children: [text('two')] },
            ],
          },
          { type: 'paragraph', children: [text('a'), { type: 'linebreak' }, text('b')] },
        ],
      },
    }
    expect(richTextBlocks({ value })).toEqual(['The blackout', 'one\ntwo', 'a\nb'])
  })

  it('treats a missing or malformed value as no text', () => {
    expect(richTextBlocks({ value: null })).toEqual([])
    expect(richTextBlocks({ value: { root: {} } })).toEqual([])
  })
})
