import { describe, expect, it } from 'vitest'

import { calendarView, canReschedule, dayIn, movedTo } from './calendar.ts'

const writer = { id: 'w1', roles: ['writer'] as const }
const editor = { id: 'e1', roles: ['editor'] as const }
const admin = { id: 'a1', roles: ['admin'] as const }

describe('calendarView', () => {
  it('lays a month out in whole weeks from Monday, with its neighbours', () => {
    const view = calendarView({ month: '2026-12', today: '2026-06-15' })
    expect(view).toMatchObject({
      kind: 'month',
      month: '2026-12',
      previous: '2026-11',
      next: '2027-01',
    })
    expect(view.days[0]).toBe('2026-11-30')
    expect(view.days.at(-1)).toBe('2027-01-03')
    expect(view.days).toHaveLength(35)
  })

  it('opens on the month of today when the URL names none or a bad one', () => {
    expect(calendarView({ today: '2026-02-10' })).toMatchObject({ month: '2026-02' })
    expect(calendarView({ month: '2026-13', today: '2026-02-10' })).toMatchObject({
      month: '2026-02',
    })
    // February 2027 starts on a Monday and ends on a Sunday: four whole weeks.
    expect(calendarView({ month: '2027-02', today: '2026-02-10' }).days).toHaveLength(28)
  })

  it('names a week by its Monday, whichever of its days the URL gives', () => {
    const view = calendarView({ week: '2026-12-03', today: '2026-12-01' })
    expect(view).toMatchObject({
      kind: 'week',
      week: '2026-11-30',
      previous: '2026-11-23',
      next: '2026-12-07',
    })
    expect(view.days).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ])
    expect(calendarView({ week: '2026-02-30', today: '2026-12-01' }).kind).toBe('month')
  })
})

describe('dayIn', () => {
  it('is the day in the newsroom’s time zone, not in UTC', () => {
    expect(dayIn({ at: '2026-12-01T23:30:00Z', timeZone: 'UTC' })).toBe('2026-12-01')
    expect(dayIn({ at: '2026-12-01T23:30:00Z', timeZone: 'Europe/Berlin' })).toBe('2026-12-02')
    expect(dayIn({ at: '2026-12-01T03:00:00Z', timeZone: 'America/New_York' })).toBe('2026-11-30')
  })
})

describe('movedTo', () => {
  it('keeps the time of day on the new day', () => {
    expect(movedTo({ at: '2026-12-03T09:15:00Z', day: '2026-12-10', timeZone: 'UTC' })).toBe(
      '2026-12-10T09:15:00.000Z',
    )
    // 00:30 in Berlin on 4 December is 23:30 UTC the day before.
    expect(
      movedTo({ at: '2026-12-03T23:30:00Z', day: '2026-12-08', timeZone: 'Europe/Berlin' }),
    ).toBe('2026-12-07T23:30:00.000Z')
  })

  it('keeps the wall-clock time across a daylight-saving change', () => {
    // 09:00 in Berlin: 08:00 UTC in winter, 07:00 UTC in summer.
    expect(
      movedTo({ at: '2027-03-24T08:00:00Z', day: '2027-04-02', timeZone: 'Europe/Berlin' }),
    ).toBe('2027-04-02T07:00:00.000Z')
  })
})

describe('canReschedule', () => {
  const scheduled = { state: 'scheduled' as const, ownerIds: [writer.id] }

  it('lets editors and admins move a scheduled story', () => {
    expect(canReschedule({ user: editor, doc: scheduled })).toEqual({ ok: true })
    expect(canReschedule({ user: admin, doc: scheduled })).toEqual({ ok: true })
  })

  it('shows writers the calendar without moving anything, even their own stories', () => {
    expect(canReschedule({ user: writer, doc: scheduled })).toMatchObject({
      ok: false,
      reason: 'Only editors and admins can schedule.',
    })
  })

  it('never moves a published story, and says why', () => {
    expect(
      canReschedule({ user: editor, doc: { state: 'published', ownerIds: [writer.id] } }),
    ).toMatchObject({
      ok: false,
      reason: 'It is published already: it cannot be moved to another day.',
    })
  })
})
