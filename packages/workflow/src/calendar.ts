import type { ActorOrSystem, Refusal, WorkflowSubject } from './transitions.ts'
import { canTransition } from './transitions.ts'

/** A calendar day as `YYYY-MM-DD`, in the newsroom's time zone. */
export type DayKey = string

export type CalendarView =
  | { kind: 'month'; month: string; days: DayKey[]; previous: string; next: string }
  | { kind: 'week'; week: DayKey; days: DayKey[]; previous: DayKey; next: DayKey }

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

const pad = (n: number) => String(n).padStart(2, '0')
const keyOf = (date: Date): DayKey =>
  `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
const dateOf = (key: DayKey): Date => new Date(`${key}T00:00:00Z`)
const addDays = (key: DayKey, days: number): DayKey => {
  const date = dateOf(key)
  date.setUTCDate(date.getUTCDate() + days)
  return keyOf(date)
}
/** Monday of the week the day is in (weeks start on Monday). */
const mondayOf = (key: DayKey): DayKey => addDays(key, -((dateOf(key).getUTCDay() + 6) % 7))

const isDayKey = (value: unknown): value is DayKey =>
  typeof value === 'string' && DAY.test(value) && keyOf(dateOf(value)) === value

/**
 * The day an instant falls on in a time zone.
 *
 * @example
 * dayIn({ at: '2026-12-01T23:30:00Z', timeZone: 'Europe/Berlin' }) // '2026-12-02'
 */
export const dayIn = ({ at, timeZone }: { at: string | Date; timeZone: string }): DayKey => {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(at))
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}`
}

/**
 * The month or week a calendar URL asks for (`?month=2026-12`, `?week=2026-11-30`), or the month
 * of today. A month is laid out in whole weeks from Monday; a week is given by any of its days
 * and named by its Monday. `previous` and `next` are the neighbouring URLs' values.
 *
 * @example
 * calendarView({ month: '2026-12', today: '2026-12-01' }).days[0] // '2026-11-30'
 */
export const calendarView = ({
  month,
  week,
  today,
}: {
  month?: string | null
  week?: string | null
  today: DayKey
}): CalendarView => {
  if (isDayKey(week)) {
    const monday = mondayOf(week)
    return {
      kind: 'week',
      week: monday,
      days: Array.from({ length: 7 }, (_, i) => addDays(monday, i)),
      previous: addDays(monday, -7),
      next: addDays(monday, 7),
    }
  }
  const [, y, m] = MONTH.exec(month ?? '') ?? MONTH.exec(today.slice(0, 7)) ?? []
  const first = `${y}-${m}-01`
  const nextFirst = keyOf(new Date(Date.UTC(Number(y), Number(m), 1)))
  const previousFirst = keyOf(new Date(Date.UTC(Number(y), Number(m) - 2, 1)))
  const start = mondayOf(first)
  const end = addDays(mondayOf(addDays(nextFirst, -1)), 6)
  const days: DayKey[] = []
  for (let day = start; day <= end; day = addDays(day, 1)) days.push(day)
  return {
    kind: 'month',
    month: first.slice(0, 7),
    days,
    previous: previousFirst.slice(0, 7),
    next: nextFirst.slice(0, 7),
  }
}

/** Minutes a time zone is ahead of UTC at an instant. */
const offsetMinutes = (at: Date, timeZone: string): number => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at)
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  )
  return Math.round((wall - Math.floor(at.getTime() / 1000) * 1000) / 60_000)
}

/**
 * The same wall-clock time on another day, in the newsroom's time zone: what dragging a scheduled
 * story to a day of the calendar means.
 *
 * @example
 * movedTo({ at: '2026-12-03T09:00:00Z', day: '2026-12-10', timeZone: 'UTC' }) // '2026-12-10T09:00:00.000Z'
 */
export const movedTo = ({
  at,
  day,
  timeZone,
}: {
  at: string
  day: DayKey
  timeZone: string
}): string => {
  const instant = new Date(at)
  const wall = new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60_000)
  const [y, m, d] = day.split('-').map(Number)
  const target = Date.UTC(
    y ?? 1970,
    (m ?? 1) - 1,
    d ?? 1,
    wall.getUTCHours(),
    wall.getUTCMinutes(),
    wall.getUTCSeconds(),
  )
  // The zone's offset on the target day (it may differ across a daylight-saving change).
  const guess = new Date(target - offsetMinutes(new Date(target), timeZone) * 60_000)
  return new Date(target - offsetMinutes(guess, timeZone) * 60_000).toISOString()
}

/**
 * Whether this person may move the story to another day on the calendar: only a scheduled story,
 * only by the people who may schedule it (the workflow's `schedule` move, which a drag takes), and
 * only to a time still ahead. Writers see the calendar without moving anything; a published story
 * is on the site already.
 *
 * @example
 * canReschedule({ user: writer, doc: { state: 'scheduled', ownerIds: [writer.id] } })
 * // { ok: false, code: 'forbidden', reason: 'Only editors and admins can schedule.' }
 */
export const canReschedule = ({
  user,
  doc,
}: {
  user: ActorOrSystem | null | undefined
  doc: WorkflowSubject
}): { ok: true } | Refusal => {
  if (doc.state === 'published')
    return {
      ok: false,
      code: 'forbidden',
      reason: 'It is published already: it cannot be moved to another day.',
    }
  if (doc.state !== 'scheduled')
    return { ok: false, code: 'forbidden', reason: 'Only a scheduled story can be moved.' }
  return canTransition({ user, doc, action: 'schedule' })
}
