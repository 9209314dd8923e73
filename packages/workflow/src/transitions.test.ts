import { describe, expect, it } from 'vitest'

import type { Role } from './roles.ts'
import type { WorkflowState } from './states.ts'
import type { ActorOrSystem, TransitionAction } from './transitions.ts'
import { WORKFLOW_STATES } from './states.ts'
import {
  applyTransition,
  availableTransitions,
  canEdit,
  canTransition,
  editConsequence,
  TRANSITION_ACTIONS,
} from './transitions.ts'

const now = new Date('2026-03-01T12:00:00.000Z')
const user = (id: string, role: Role) => ({ id, roles: [role] })
const editorReviewer = user('ed-2', 'editor')

// Who acts, and whether they own the document under test (owned by `owner-*`).
type Kind = 'anonymous' | 'system' | 'writer-own' | 'writer-other' | 'editor' | 'admin'
const ACTORS: Record<Kind, ActorOrSystem | null> = {
  anonymous: null,
  system: 'system',
  'writer-own': user('owner-w', 'writer'),
  'writer-other': user('other-w', 'writer'),
  editor: user('ed-1', 'editor'),
  admin: user('ad-1', 'admin'),
}
const PEOPLE_WHO_DECIDE: Kind[] = ['editor', 'admin']
const OWNERS_AND_DECIDERS: Kind[] = ['writer-own', 'editor', 'admin']

/**
 * The brief, written out by hand: from-state, action, to-state, and who may do it. Everything not
 * listed here must be refused.
 */
const EXPECTED: ReadonlyArray<[WorkflowState, TransitionAction, WorkflowState, Kind[]]> = [
  ['draft', 'submit', 'in_review', OWNERS_AND_DECIDERS],
  ['changes_requested', 'resubmit', 'in_review', OWNERS_AND_DECIDERS],
  ['in_review', 'withdraw', 'draft', OWNERS_AND_DECIDERS],
  ['in_review', 'request_changes', 'changes_requested', PEOPLE_WHO_DECIDE],
  ['in_review', 'approve', 'approved', PEOPLE_WHO_DECIDE],
  ['approved', 'publish', 'published', PEOPLE_WHO_DECIDE],
  ['approved', 'schedule', 'scheduled', PEOPLE_WHO_DECIDE],
  ['scheduled', 'schedule', 'scheduled', PEOPLE_WHO_DECIDE],
  ['scheduled', 'unschedule', 'approved', PEOPLE_WHO_DECIDE],
  ['published', 'unpublish', 'archived', PEOPLE_WHO_DECIDE],
  ['archived', 'reopen', 'draft', PEOPLE_WHO_DECIDE],
  ['scheduled', 'release', 'published', ['system']],
  ['published', 'expire', 'archived', ['system']],
]

// Input that satisfies every requirement, so only permission decides.
const fullInput = {
  note: 'Because.',
  reviewer: editorReviewer,
  publishAt: '2026-03-02T09:00:00.000Z',
  version: 'v-7',
}

describe('the transition matrix: every state × action × actor × ownership', () => {
  let cases = 0
  for (const state of WORKFLOW_STATES) {
    for (const action of TRANSITION_ACTIONS) {
      for (const kind of Object.keys(ACTORS) as Kind[]) {
        const expected = EXPECTED.find(([from, act]) => from === state && act === action)
        const isAllowed = Boolean(expected?.[3].includes(kind))
        cases += 1
        it(`${kind} ${isAllowed ? 'may' : 'may not'} ${action} from ${state}`, () => {
          const doc = { state, ownerIds: ['owner-w'] }
          const result = applyTransition({ user: ACTORS[kind], doc, action, input: fullInput, now })
          expect(canTransition({ user: ACTORS[kind], doc, action }).ok).toBe(isAllowed)
          if (isAllowed) {
            expect(result).toMatchObject({ ok: true, to: expected?.[2] })
          } else {
            expect(result).toMatchObject({ ok: false, code: 'forbidden' })
            if (!result.ok) expect(result.reason).toMatch(/\w+ \w+/)
          }
        })
      }
    }
  }
  it('covered every combination', () => {
    expect(cases).toBe(WORKFLOW_STATES.length * TRANSITION_ACTIONS.length * 6)
  })
})

describe('availableTransitions', () => {
  it('is exactly the set of allowed moves, for every state and actor', () => {
    for (const state of WORKFLOW_STATES) {
      for (const kind of Object.keys(ACTORS) as Kind[]) {
        const doc = { state, ownerIds: ['owner-w'] }
        const actions = availableTransitions({ user: ACTORS[kind], doc }).map((r) => r.action)
        const expected = EXPECTED.filter(([from, , , who]) => from === state && who.includes(kind))
        expect(actions.sort()).toEqual(expected.map(([, action]) => action).sort())
      }
    }
  })

  it('never offers a writer a publish', () => {
    for (const state of WORKFLOW_STATES) {
      const doc = { state, ownerIds: ['owner-w'] }
      const actions = availableTransitions({ user: ACTORS['writer-own'], doc }).map((r) => r.action)
      expect(actions).not.toContain('publish')
      expect(actions).not.toContain('schedule')
    }
  })
})

describe('applyTransition', () => {
  const editor = user('ed-1', 'editor')
  const writer = user('owner-w', 'writer')

  it('returns the history entry with actor, note, version and time', () => {
    const result = applyTransition({
      user: editor,
      doc: { state: 'in_review', ownerIds: ['owner-w'] },
      action: 'request_changes',
      input: { note: '  Cite the second source.  ', version: 'v-3' },
      now,
    })
    expect(result).toEqual({
      ok: true,
      rule: expect.objectContaining({ action: 'request_changes' }),
      to: 'changes_requested',
      event: {
        action: 'request_changes',
        from: 'in_review',
        to: 'changes_requested',
        actor: 'ed-1',
        note: 'Cite the second source.',
        version: 'v-3',
        at: '2026-03-01T12:00:00.000Z',
      },
    })
  })

  it('requires a note to request changes or to unpublish, naming the field', () => {
    for (const [state, action] of [
      ['in_review', 'request_changes'],
      ['published', 'unpublish'],
    ] as const) {
      for (const note of [undefined, null, '', '   ']) {
        const result = applyTransition({
          user: editor,
          doc: { state, ownerIds: [] },
          action,
          input: { note },
          now,
        })
        expect(result).toMatchObject({ ok: false, code: 'invalid', field: 'note' })
      }
    }
  })

  it('requires a writer to choose an editor as reviewer when submitting', () => {
    const doc = { state: 'draft' as const, ownerIds: ['owner-w'] }
    expect(applyTransition({ user: writer, doc, action: 'submit', now })).toMatchObject({
      ok: false,
      field: 'reviewer',
    })
    expect(
      applyTransition({
        user: writer,
        doc,
        action: 'submit',
        input: { reviewer: user('w-2', 'writer') },
        now,
      }),
    ).toMatchObject({ ok: false, code: 'invalid', field: 'reviewer' })
    expect(
      applyTransition({ user: writer, doc, action: 'submit', input: { reviewer: editor }, now }),
    ).toMatchObject({ ok: true, to: 'in_review', assigneeId: 'ed-1' })
  })

  it('keeps the current reviewer on resubmit unless another is chosen', () => {
    const doc = { state: 'changes_requested' as const, ownerIds: ['owner-w'] }
    const result = applyTransition({ user: writer, doc, action: 'resubmit', now })
    expect(result.ok && 'assigneeId' in result).toBe(false)
  })

  it('requires a future date to schedule', () => {
    const doc = { state: 'approved' as const, ownerIds: [] }
    for (const publishAt of [undefined, '', 'next tuesday', '2026-03-01T12:00:00.000Z']) {
      expect(
        applyTransition({ user: editor, doc, action: 'schedule', input: { publishAt }, now }),
      ).toMatchObject({ ok: false, code: 'invalid', field: 'publishAt' })
    }
    expect(
      applyTransition({
        user: editor,
        doc,
        action: 'schedule',
        input: { publishAt: new Date('2026-03-01T12:00:10Z') },
        now,
      }),
    ).toMatchObject({ ok: true, to: 'scheduled', publishAt: '2026-03-01T12:00:10.000Z' })
  })

  it('accepts an unpublish time only after the publish time', () => {
    const doc = { state: 'approved' as const, ownerIds: [] }
    const early = applyTransition({
      user: editor,
      doc,
      action: 'schedule',
      input: { publishAt: '2026-03-02T00:00:00Z', unpublishAt: '2026-03-01T18:00:00Z' },
      now,
    })
    expect(early).toMatchObject({ ok: false, field: 'unpublishAt' })
    const later = applyTransition({
      user: editor,
      doc,
      action: 'publish',
      input: { unpublishAt: '2026-03-05T00:00:00Z' },
      now,
    })
    expect(later).toMatchObject({ ok: true, unpublishAt: '2026-03-05T00:00:00.000Z' })
  })

  it('explains a refusal in words a person can act on', () => {
    const result = canTransition({
      user: writer,
      doc: { state: 'approved', ownerIds: ['owner-w'] },
      action: 'publish',
    })
    expect(result).toEqual({
      ok: false,
      code: 'forbidden',
      reason: 'Only editors and admins can publish.',
    })
    expect(
      canTransition({ user: editor, doc: { state: 'draft', ownerIds: [] }, action: 'publish' }),
    ).toMatchObject({
      reason: 'Cannot publish a document that is draft; only one that is approved.',
    })
    expect(
      canTransition({
        user: editor,
        doc: { state: 'draft', ownerIds: [] },
        action: 'fly' as TransitionAction,
      }),
    ).toMatchObject({ code: 'invalid', field: 'action' })
  })
})

describe('canEdit: who may change content, in every state', () => {
  for (const state of WORKFLOW_STATES) {
    for (const kind of Object.keys(ACTORS) as Kind[]) {
      const isAllowed =
        kind === 'system' ||
        kind === 'editor' ||
        kind === 'admin' ||
        (kind === 'writer-own' && (state === 'draft' || state === 'changes_requested'))
      it(`${kind} ${isAllowed ? 'may' : 'may not'} edit a ${state} document`, () => {
        const result = canEdit({ user: ACTORS[kind], doc: { state, ownerIds: ['owner-w'] } })
        expect(result.ok).toBe(isAllowed)
        if (!result.ok) expect(result.reason.length).toBeGreaterThan(10)
      })
    }
  }

  it('treats a writer named in the byline as an owner', () => {
    const doc = { state: 'draft' as const, ownerIds: ['creator', 'owner-w'] }
    expect(canEdit({ user: ACTORS['writer-own'], doc }).ok).toBe(true)
  })
})

describe('editConsequence', () => {
  it('voids an approval when approved or scheduled content changes', () => {
    expect(editConsequence({ state: 'approved' })).toMatchObject({
      to: 'in_review',
      kind: 'approval_voided',
    })
    expect(editConsequence({ state: 'scheduled' })).toMatchObject({ to: 'in_review' })
  })

  it('starts a pending revision when the live version is edited', () => {
    expect(editConsequence({ state: 'published' })).toMatchObject({
      to: 'draft',
      kind: 'revision_started',
    })
  })

  it('changes nothing in the other states', () => {
    for (const state of ['draft', 'in_review', 'changes_requested', 'archived'] as const)
      expect(editConsequence({ state })).toBeNull()
  })
})
