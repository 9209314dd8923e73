import { describe, expect, it } from 'vitest'

import { deskFor, endOfDay, notificationFor, queueFor } from './queue.ts'

describe('queueFor', () => {
  it('gives readers nothing and writers their sent-back work', () => {
    expect(queueFor({ user: null })).toEqual([])
    expect(queueFor({ user: { roles: ['writer'] } })).toEqual([
      expect.objectContaining({ state: 'changes_requested', relation: 'owner' }),
    ])
  })

  it('gives editors their reviews, unassigned reviews and approved work to publish', () => {
    const queue = queueFor({ user: { roles: ['editor'] } })
    expect(queue.map(({ state, relation }) => `${state}/${relation}`)).toEqual([
      'in_review/assignee',
      'in_review/unassigned',
      'approved/assignee',
      'changes_requested/owner',
    ])
  })
})

describe('notificationFor', () => {
  const base = { title: 'Flood defences', ownerIds: ['w1', 'w2'], assigneeId: 'e1' }

  it('tells the assignee about a submission', () => {
    expect(notificationFor({ ...base, action: 'submit', actorId: 'w1' })).toEqual({
      recipientIds: ['e1'],
      kind: 'submit',
      message: '“Flood defences” was submitted for your review',
    })
  })

  it('tells every owner but the actor about a decision, with the note', () => {
    expect(
      notificationFor({ ...base, action: 'request_changes', actorId: 'w2', note: 'Add a source' }),
    ).toEqual({
      recipientIds: ['w1'],
      kind: 'request_changes',
      message: 'Changes requested on “Flood defences”: Add a source',
    })
    expect(
      notificationFor({ ...base, action: 'release', actorId: 'system' })?.recipientIds,
    ).toEqual(['w1', 'w2'])
  })

  it('stays quiet on moves nobody waits for, or with nobody to tell', () => {
    expect(notificationFor({ ...base, action: 'withdraw', actorId: 'w1' })).toBeNull()
    expect(
      notificationFor({ ...base, assigneeId: null, action: 'submit', actorId: 'w1' }),
    ).toBeNull()
    expect(notificationFor({ ...base, action: 'submit', actorId: 'e1' })).toBeNull()
  })
})

describe('deskFor', () => {
  const now = new Date('2026-12-01T14:30:00.000Z')

  it('gives editors what waits for them, changes on their work and today’s schedule', () => {
    const desk = deskFor({ user: { roles: ['editor'] }, now })
    expect(desk.map((section) => section.id)).toEqual(['waiting', 'changes', 'scheduled'])
    expect(desk[0]?.criteria.map((c) => `${c.state}:${c.relation}`)).toEqual([
      'in_review:assignee',
      'in_review:unassigned',
      'approved:assignee',
    ])
    expect(desk[1]?.criteria.map((c) => `${c.state}:${c.relation}`)).toEqual([
      'changes_requested:owner',
    ])
    expect(desk[2]?.scheduledBefore).toBe('2026-12-02T00:00:00.000Z')
  })

  it('gives writers no review queue', () => {
    expect(deskFor({ user: { roles: ['writer'] }, now }).map((s) => s.id)).toEqual([
      'changes',
      'scheduled',
    ])
  })

  it('gives nobody else a desk', () => {
    expect(deskFor({ user: null, now })).toEqual([])
  })

  it('ends the day at midnight UTC', () => {
    expect(endOfDay({ now: new Date('2026-12-31T23:59:59.000Z') }).toISOString()).toBe(
      '2027-01-01T00:00:00.000Z',
    )
  })
})
