'use client'

import { toast } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import type React from 'react'
import { useEffect, useState } from 'react'

import type { DayKey } from '@copydesk/workflow/calendar'
import { calendarView, dayIn, movedTo } from '@copydesk/workflow/calendar'
import type { WorkflowCollection, WorkflowState } from '@copydesk/workflow/states'

import { requestJSON } from './shared'
import { StateBadge } from './StateBadge'

import './workflow.scss'

/** A scheduled or published story on the calendar. */
export type CalendarEntry = {
  id: string
  collection: WorkflowCollection
  title: string
  state: WorkflowState
  /** When it goes (or went) live. */
  at: string
  href: string
  /** Whether this person may move it to another day, and if not, why. */
  canMove: boolean
  whyNot: string | null
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone

const timeOf = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat(undefined, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso))

const dayLabel = (day: DayKey) =>
  new Intl.DateTimeFormat(undefined, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(new Date(`${day}T00:00:00Z`))

const titleOfView = (first: DayKey, kind: 'month' | 'week', days: DayKey[]) => {
  const format = (day: DayKey, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', ...options }).format(
      new Date(`${day}T00:00:00Z`),
    )
  if (kind === 'month') return format(first, { month: 'long', year: 'numeric' })
  const last = days[days.length - 1] ?? first
  return `${format(days[0] ?? first, { day: 'numeric', month: 'short' })} – ${format(last, { day: 'numeric', month: 'short', year: 'numeric' })}`
}

/**
 * The calendar grid, laid out in the browser's time zone (as every time in the admin is). A
 * scheduled story that this person may move is dragged to another day, or given one with "Move
 * to"; either takes the workflow's Schedule move at the same time of day on the new day.
 */
export const CalendarGrid: React.FC<{
  entries: CalendarEntry[]
  month: string | null
  week: string | null
  apiRoute: string
  calendarPath: string
}> = ({ entries, month, week, apiRoute, calendarPath }) => {
  const router = useRouter()
  // The zone is the browser's: known only once rendered there.
  const [timeZone, setTimeZone] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [dropDay, setDropDay] = useState<DayKey | null>(null)
  useEffect(() => setTimeZone(browserZone()), [])
  if (!timeZone) return <p className="wf-calendar__loading">Loading the calendar…</p>

  const today = dayIn({ at: new Date(), timeZone })
  const view = calendarView({ month, week, today })
  const monthOfView = view.kind === 'month' ? view.month : null
  const byDay = new Map<DayKey, CalendarEntry[]>()
  for (const entry of entries) {
    const day = dayIn({ at: entry.at, timeZone })
    byDay.set(day, [...(byDay.get(day) ?? []), entry])
  }

  const move = async (entry: CalendarEntry, day: DayKey) => {
    if (!entry.canMove || dayIn({ at: entry.at, timeZone }) === day) return
    setBusy(entry.id)
    try {
      const publishAt = movedTo({ at: entry.at, day, timeZone })
      await requestJSON(`${apiRoute}/${entry.collection}/${entry.id}/workflow`, {
        method: 'POST',
        body: JSON.stringify({ action: 'schedule', publishAt }),
      })
      toast.success(
        `“${entry.title}” now goes live ${dayLabel(day)}, ${timeOf(publishAt, timeZone)}.`,
      )
      router.refresh()
    } catch (err) {
      toast.error(err instanceof Error ? err.message : 'The story could not be moved.')
    } finally {
      setBusy(null)
    }
  }

  const link = (params: string) => `${calendarPath}?${params}`
  const first = view.kind === 'month' ? `${view.month}-01` : view.week
  const otherView =
    view.kind === 'month'
      ? link(`week=${today.startsWith(view.month) ? today : first}`)
      : link(`month=${view.week.slice(0, 7)}`)
  const key = view.kind === 'month' ? 'month' : 'week'

  return (
    <div className={`wf-calendar wf-calendar--${view.kind}`} data-testid="calendar">
      <nav className="wf-calendar__nav" aria-label="Calendar navigation">
        <a className="wf-calendar__step" href={link(`${key}=${view.previous}`)} rel="prev">
          ← Previous {key}
        </a>
        <h2 className="wf-calendar__title" aria-live="polite">
          {titleOfView(first, view.kind, view.days)}
        </h2>
        <a className="wf-calendar__step" href={link(`${key}=${view.next}`)} rel="next">
          Next {key} →
        </a>
        <a
          className="wf-calendar__today"
          href={link(view.kind === 'month' ? '' : `week=${today}`).replace(/\?$/, '')}
        >
          Today
        </a>
        <a className="wf-calendar__switch" href={otherView}>
          {view.kind === 'month' ? 'Week view' : 'Month view'}
        </a>
      </nav>
      <div className="wf-calendar__weekdays" aria-hidden="true">
        {WEEKDAYS.map((name) => (
          <span key={name}>{name}</span>
        ))}
      </div>
      <ol className="wf-calendar__grid" aria-label="Days">
        {view.days.map((day) => {
          const dayEntries = byDay.get(day) ?? []
          const isOutside = monthOfView !== null && !day.startsWith(monthOfView)
          return (
            <li
              key={day}
              data-day={day}
              aria-label={dayLabel(day)}
              aria-current={day === today ? 'date' : undefined}
              className={[
                'wf-calendar__day',
                day === today ? 'wf-calendar__day--today' : '',
                isOutside ? 'wf-calendar__day--outside' : '',
                dropDay === day ? 'wf-calendar__day--drop' : '',
              ].join(' ')}
              onDragOver={(event) => {
                if (!event.dataTransfer.types.includes('application/x-copydesk-entry')) return
                event.preventDefault()
                setDropDay(day)
              }}
              onDragLeave={() => setDropDay((current) => (current === day ? null : current))}
              onDrop={(event) => {
                event.preventDefault()
                setDropDay(null)
                const id = event.dataTransfer.getData('application/x-copydesk-entry')
                const entry = entries.find(
                  (candidate) => `${candidate.collection}:${candidate.id}` === id,
                )
                if (entry) void move(entry, day)
              }}
            >
              <span className="wf-calendar__date">
                {Number(day.slice(8))}
                {day === today && <span className="wf-calendar__today-mark">Today</span>}
              </span>
              {dayEntries.length > 0 && (
                <ul className="wf-calendar__entries">
                  {dayEntries.map((entry) => (
                    <li
                      key={`${entry.collection}:${entry.id}`}
                      className={`wf-calendar__entry wf-calendar__entry--${entry.state}`}
                      data-testid="calendar-entry"
                      data-id={entry.id}
                      draggable={entry.canMove && busy === null}
                      aria-busy={busy === entry.id}
                      title={
                        entry.canMove
                          ? 'Drag to another day to reschedule'
                          : (entry.whyNot ?? undefined)
                      }
                      onDragStart={(event) => {
                        event.dataTransfer.setData(
                          'application/x-copydesk-entry',
                          `${entry.collection}:${entry.id}`,
                        )
                        event.dataTransfer.effectAllowed = 'move'
                      }}
                    >
                      <a href={entry.href} className="wf-calendar__link">
                        <time dateTime={entry.at}>{timeOf(entry.at, timeZone)}</time>{' '}
                        <span className="wf-calendar__headline">{entry.title}</span>
                      </a>
                      <StateBadge state={entry.state} size="small" />
                      {entry.canMove && (
                        <form
                          className="wf-calendar__move"
                          onSubmit={(event) => {
                            event.preventDefault()
                            const value = new FormData(event.currentTarget).get('day')
                            if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
                              void move(entry, value)
                          }}
                        >
                          <input
                            type="date"
                            name="day"
                            aria-label={`New day for “${entry.title}”`}
                            defaultValue={dayIn({ at: entry.at, timeZone })}
                            disabled={busy !== null}
                          />
                          <button type="submit" disabled={busy !== null}>
                            Move
                          </button>
                        </form>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          )
        })}
      </ol>
    </div>
  )
}
