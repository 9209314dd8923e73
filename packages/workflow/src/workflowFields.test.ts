import { describe, expect, it } from 'vitest'

import {
  canReadWorkflowFields,
  canSetOnCreate,
  canWriteWorkflowField,
  WORKFLOW_WRITTEN_FIELDS,
} from './workflowFields.ts'

const writer = { roles: ['writer'] as const }
const editor = { roles: ['editor'] as const }
const admin = { roles: ['admin'] as const }

describe('workflow fields', () => {
  it('are read by staff only', () => {
    for (const user of [writer, editor, admin]) expect(canReadWorkflowFields({ user })).toBe(true)
    for (const user of [null, undefined, {}, { roles: [] }])
      expect(canReadWorkflowFields({ user })).toBe(false)
  })

  it('are written by the workflow, except the reviewer, which editors and admins may choose', () => {
    for (const field of WORKFLOW_WRITTEN_FIELDS) {
      expect(canWriteWorkflowField({ user: writer, field })).toBe(false)
      for (const user of [editor, admin])
        expect(canWriteWorkflowField({ user, field })).toBe(field === 'assignee')
    }
  })

  it('refuse a writer who sends one with a new document, naming the field', () => {
    for (const [field, value] of [
      ['createdBy', 'someone-else'],
      ['assignee', 'an-editor'],
      ['corrections', [{ note: 'We got it wrong.', at: '2026-01-01T00:00:00.000Z' }]],
    ] as const) {
      const decision = canSetOnCreate({ user: writer, field, value })
      expect(decision).toMatchObject({ ok: false, code: 'forbidden', field })
      expect(decision.ok ? '' : decision.reason).toMatch(
        field === 'assignee' ? /reviewer/ : new RegExp(field, 'i'),
      )
    }
  })

  it('let editors choose a reviewer on a new document, and nothing else', () => {
    expect(canSetOnCreate({ user: editor, field: 'assignee', value: 'an-editor' })).toEqual({
      ok: true,
    })
    expect(canSetOnCreate({ user: editor, field: 'createdBy', value: 'a-writer' })).toMatchObject({
      ok: false,
      field: 'createdBy',
    })
  })

  it('accept the empty values a form sends', () => {
    for (const value of [undefined, null, '', []])
      for (const field of WORKFLOW_WRITTEN_FIELDS)
        expect(canSetOnCreate({ user: writer, field, value })).toEqual({ ok: true })
  })
})
