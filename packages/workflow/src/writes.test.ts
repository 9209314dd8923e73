import { describe, expect, it } from 'vitest'

import type { Role } from './roles.ts'
import type { WorkflowState } from './states.ts'
import type { ActorOrSystem } from './transitions.ts'
import type { StoredSubject, WriteIntent } from './writes.ts'
import { WORKFLOW_STATES } from './states.ts'
import { canDelete, decideWrite } from './writes.ts'

const user = (id: string, role: Role) => ({ id, roles: [role] })
const owner = user('owner-w', 'writer')
const other = user('other-w', 'writer')
const editor = user('ed-1', 'editor')
const admin = user('ad-1', 'admin')

const doc = (state: WorkflowState, isLive = state === 'published'): StoredSubject => ({
  state,
  ownerIds: [owner.id],
  isLive,
})
const draftSave: WriteIntent = { isDraftSave: true }

describe('decideWrite', () => {
  it('refuses readers everything', () => {
    for (const operation of ['create', 'duplicate', 'update', 'delete'] as const)
      expect(decideWrite({ user: null, operation, doc: doc('draft'), intent: draftSave }).ok).toBe(
        false,
      )
  })

  it('lets writers edit their own drafts and documents sent back, and nothing else', () => {
    for (const state of WORKFLOW_STATES) {
      const mine = decideWrite({
        user: owner,
        operation: 'update',
        doc: doc(state),
        intent: draftSave,
      })
      expect(mine.ok, state).toBe(state === 'draft' || state === 'changes_requested')
      const theirs = decideWrite({
        user: other,
        operation: 'update',
        doc: doc(state),
        intent: draftSave,
      })
      expect(theirs.ok, state).toBe(false)
    }
  })

  it('treats a bulk edit and a restored version as edits of each document they touch', () => {
    for (const operation of ['bulkUpdate', 'restoreVersion'] as const) {
      expect(
        decideWrite({ user: other, operation, doc: doc('approved'), intent: draftSave }),
      ).toMatchObject({
        ok: false,
        code: 'forbidden',
      })
      expect(
        decideWrite({ user: owner, operation, doc: doc('in_review'), intent: draftSave }).ok,
      ).toBe(false)
      expect(decideWrite({ user: owner, operation, doc: doc('draft'), intent: draftSave }).ok).toBe(
        true,
      )
    }
  })

  it('sends an approved or scheduled document back to review, and a live one into a revision', () => {
    for (const actor of [editor, admin] as ActorOrSystem[]) {
      for (const state of ['approved', 'scheduled'] as const)
        expect(
          decideWrite({ user: actor, operation: 'bulkUpdate', doc: doc(state), intent: draftSave }),
        ).toMatchObject({ ok: true, consequence: { to: 'in_review', kind: 'approval_voided' } })
      expect(
        decideWrite({
          user: actor,
          operation: 'restoreVersion',
          doc: doc('published'),
          intent: draftSave,
        }),
      ).toMatchObject({ ok: true, consequence: { to: 'draft', kind: 'revision_started' } })
      expect(
        decideWrite({ user: actor, operation: 'update', doc: doc('in_review'), intent: draftSave }),
      ).toEqual({ ok: true, consequence: null })
    }
  })

  it('never publishes, and never changes the state by hand', () => {
    for (const operation of [
      'create',
      'duplicate',
      'update',
      'bulkUpdate',
      'restoreVersion',
    ] as const) {
      expect(
        decideWrite({
          user: admin,
          operation,
          doc: doc('approved'),
          intent: { isDraftSave: false, status: 'published' },
        }),
      ).toMatchObject({ ok: false, field: '_status' })
    }
    expect(
      decideWrite({
        user: admin,
        operation: 'update',
        doc: doc('draft'),
        intent: { ...draftSave, state: 'approved' },
      }),
    ).toMatchObject({ ok: false, field: 'workflowState' })
    expect(
      decideWrite({
        user: admin,
        operation: 'update',
        doc: doc('draft'),
        intent: { ...draftSave, state: 'nonsense' },
      }),
    ).toMatchObject({ ok: false, field: 'workflowState' })
    expect(
      decideWrite({
        user: admin,
        operation: 'create',
        intent: { isDraftSave: true, state: 'published' },
      }),
    ).toMatchObject({ ok: false, field: 'workflowState' })
    expect(
      decideWrite({
        user: admin,
        operation: 'update',
        doc: doc('draft'),
        intent: { ...draftSave, state: 'draft' },
      }).ok,
    ).toBe(true)
  })

  it('keeps a live document live: only a draft save (a pending revision) is an edit', () => {
    expect(
      decideWrite({
        user: editor,
        operation: 'update',
        doc: doc('published'),
        intent: { isDraftSave: false },
      }),
    ).toMatchObject({ ok: false, code: 'forbidden' })
    expect(
      decideWrite({
        user: editor,
        operation: 'update',
        doc: doc('published'),
        intent: { isDraftSave: false, status: 'draft' },
      }),
    ).toMatchObject({ ok: false, reason: expect.stringContaining('Unpublish action') })
    expect(
      decideWrite({
        user: editor,
        operation: 'bulkUpdate',
        doc: doc('draft'),
        intent: { isDraftSave: false },
      }),
    ).toMatchObject({ ok: false, reason: expect.stringContaining('Bulk edits') })
  })

  it('leaves reviewers to editors and schedules to the Schedule action', () => {
    expect(
      decideWrite({
        user: owner,
        operation: 'update',
        doc: doc('draft'),
        intent: { ...draftSave, changesAssignee: true },
      }),
    ).toMatchObject({ ok: false, field: 'assignee' })
    expect(
      decideWrite({
        user: editor,
        operation: 'update',
        doc: doc('draft'),
        intent: { ...draftSave, changesAssignee: true },
      }).ok,
    ).toBe(true)
    expect(
      decideWrite({
        user: admin,
        operation: 'update',
        doc: doc('approved'),
        intent: { ...draftSave, changesSchedule: true },
      }),
    ).toMatchObject({ ok: false, field: 'publishAt' })
  })

  it('lets staff create and copy documents, without setting what the workflow sets', () => {
    expect(decideWrite({ user: owner, operation: 'create', intent: draftSave })).toEqual({
      ok: true,
      consequence: null,
    })
    expect(
      decideWrite({ user: other, operation: 'duplicate', doc: doc('published'), intent: draftSave })
        .ok,
    ).toBe(true)
    // Who may send which workflow field with a new document: `null` means allowed.
    const cases: Array<[ActorOrSystem, string, string | null]> = [
      [owner, 'createdBy', 'createdBy'],
      [owner, 'assignee', 'assignee'],
      [editor, 'assignee', null],
      [editor, 'corrections', 'corrections'],
      ['system', 'createdBy', null],
    ]
    for (const [user, field, refusedField] of cases) {
      const decision = decideWrite({
        user,
        operation: 'create',
        intent: { ...draftSave, setsWorkflowFields: [field] },
      })
      if (refusedField) expect(decision).toMatchObject({ ok: false, field: refusedField })
      else expect(decision.ok).toBe(true)
    }
  })
})

describe('canDelete', () => {
  it('lets editors and admins delete anything', () => {
    for (const state of WORKFLOW_STATES)
      for (const actor of [editor, admin])
        expect(canDelete({ user: actor, doc: doc(state) }).ok).toBe(true)
  })

  it('lets a writer delete only an own draft that never went live', () => {
    expect(canDelete({ user: owner, doc: doc('draft') }).ok).toBe(true)
    expect(canDelete({ user: owner, doc: doc('changes_requested') }).ok).toBe(true)
    expect(canDelete({ user: owner, doc: doc('draft', true) }).ok).toBe(false)
    expect(canDelete({ user: owner, doc: doc('in_review') }).ok).toBe(false)
    expect(canDelete({ user: owner, doc: doc('archived') }).ok).toBe(false)
    expect(canDelete({ user: other, doc: doc('draft') }).ok).toBe(false)
    expect(canDelete({ user: null, doc: doc('draft') }).ok).toBe(false)
  })
})
