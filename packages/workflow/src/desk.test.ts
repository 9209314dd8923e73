import { describe, expect, it } from 'vitest'

import type { WorkflowState } from './states.ts'
import { canEdit, TRANSITIONS } from './transitions.ts'
import { editability, lockBlocks, offeredMoves, TRANSITION_EXPLANATIONS } from './desk.ts'

const writer = { id: 'w1', roles: ['writer'] as const }
const otherWriter = { id: 'w2', roles: ['writer'] as const }
const editor = { id: 'e1', roles: ['editor'] as const }
const doc = (state: WorkflowState, ownerIds: string[] = [writer.id]) => ({ state, ownerIds })
const actionsOf = (moves: { action: string }[]) => moves.map((move) => move.action)

describe('offeredMoves', () => {
  it('does not offer an editor the writer’s own moves on the writer’s story', () => {
    expect(actionsOf(offeredMoves({ user: editor, doc: doc('in_review') }))).toEqual([
      'request_changes',
      'approve',
    ])
    expect(actionsOf(offeredMoves({ user: editor, doc: doc('changes_requested') }))).toEqual([])
    // An editor's revision of a writer's story (a draft) goes to review by the editor's hand.
    expect(actionsOf(offeredMoves({ user: editor, doc: doc('draft') }))).toEqual(['submit'])
  })

  it('offers an editor their own story’s submit and withdraw', () => {
    const own = doc('draft', [editor.id])
    expect(actionsOf(offeredMoves({ user: editor, doc: own }))).toEqual(['submit'])
    expect(actionsOf(offeredMoves({ user: editor, doc: { ...own, state: 'in_review' } }))).toEqual([
      'withdraw',
      'request_changes',
      'approve',
    ])
  })

  it('offers the writer submit and withdraw on their own story, and nothing on another’s', () => {
    expect(actionsOf(offeredMoves({ user: writer, doc: doc('draft') }))).toEqual(['submit'])
    expect(actionsOf(offeredMoves({ user: writer, doc: doc('in_review') }))).toEqual(['withdraw'])
    expect(actionsOf(offeredMoves({ user: otherWriter, doc: doc('in_review') }))).toEqual([])
  })

  it('says what every move does', () => {
    for (const rule of TRANSITIONS) expect(TRANSITION_EXPLANATIONS[rule.action]).toMatch(/\w+\./)
    const [approve] = offeredMoves({ user: editor, doc: doc('approved') })
    expect(approve?.explanation).toBe(TRANSITION_EXPLANATIONS.publish)
  })
})

describe('editability', () => {
  it('opens the form exactly when the server accepts an edit', () => {
    for (const user of [writer, otherWriter, editor])
      for (const state of [
        'draft',
        'in_review',
        'changes_requested',
        'approved',
        'scheduled',
        'published',
        'archived',
      ] as const)
        expect(editability({ user, doc: doc(state) }).canEdit).toBe(
          canEdit({ user, doc: doc(state) }).ok,
        )
  })

  it('tells a writer whose story is in review to withdraw it or wait', () => {
    expect(editability({ user: writer, doc: doc('in_review') })).toEqual({
      canEdit: false,
      reason: 'This story is in review, so it is locked for writers.',
      next: 'Withdraw it to make changes, or wait for the editor’s decision.',
    })
  })

  it('tells a writer looking at someone else’s story whom to ask', () => {
    const result = editability({ user: otherWriter, doc: doc('draft') })
    expect(result.canEdit).toBe(false)
    expect(result).toMatchObject({ next: expect.stringMatching(/Ask an editor/) })
  })

  it('refuses nobody-signed-in', () => {
    expect(editability({ user: null, doc: doc('draft') }).canEdit).toBe(false)
  })
})

describe('lockBlocks', () => {
  const story = (state: WorkflowState) => ({ state, ownerIds: [writer.id] })

  it('lets a writer’s lock stand while they may edit their story', () => {
    expect(lockBlocks({ holder: writer, doc: story('draft') })).toBe(true)
    expect(lockBlocks({ holder: writer, doc: story('changes_requested') })).toBe(true)
  })

  it('drops a writer’s lock once the story is out of their hands', () => {
    for (const state of ['in_review', 'approved', 'scheduled', 'published'] as const)
      expect(lockBlocks({ holder: writer, doc: story(state) })).toBe(false)
  })

  it('keeps an editor’s lock, and drops one whose holder is gone or not staff', () => {
    expect(lockBlocks({ holder: editor, doc: story('in_review') })).toBe(true)
    expect(lockBlocks({ holder: null, doc: story('draft') })).toBe(false)
    expect(lockBlocks({ holder: { id: 'x', roles: [] }, doc: story('draft') })).toBe(false)
  })
})
