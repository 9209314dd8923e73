import type { AdminViewServerProps, Where } from 'payload'
import type React from 'react'

import { canReschedule } from '@copydesk/workflow/calendar'
import { isStaff } from '@copydesk/workflow/roles'
import type { WorkflowCollection } from '@copydesk/workflow/states'

import { subjectOf } from '../../workflow/subject'
import type { CalendarEntry } from './CalendarGrid'
import { CalendarGrid } from './CalendarGrid'
import { ViewShell } from './ViewShell'

// Articles and FAQs are scheduled and published; author pages are not on the calendar.
// FAQs keep no publish date, so only their schedules are shown.
const ON_CALENDAR: ReadonlyArray<{
  collection: WorkflowCollection
  titleField: string
  hasPublishDate: boolean
}> = [
  { collection: 'articles', titleField: 'title', hasPublishDate: true },
  { collection: 'faqs', titleField: 'question', hasPublishDate: false },
]

// The grid is laid out in the browser's time zone; entries are read with a margin around it.
const MARGIN_DAYS = 8
const DAY_MS = 24 * 60 * 60 * 1000

const rangeOf = (searchParams: AdminViewServerProps['searchParams']) => {
  const param = (name: string) => {
    const value = searchParams?.[name]
    return typeof value === 'string' ? value : null
  }
  const week = param('week')
  const month = param('month')
  const anchor =
    week && /^\d{4}-\d{2}-\d{2}$/.test(week)
      ? new Date(`${week}T00:00:00Z`)
      : month && /^\d{4}-\d{2}$/.test(month)
        ? new Date(`${month}-01T00:00:00Z`)
        : new Date()
  const span = week ? 7 : 31
  return {
    week,
    month,
    from: new Date(anchor.getTime() - MARGIN_DAYS * DAY_MS).toISOString(),
    to: new Date(anchor.getTime() + (span + MARGIN_DAYS) * DAY_MS).toISOString(),
  }
}

/**
 * `/admin/calendar`: scheduled and published articles and FAQs by day, a month or a week at a
 * time. Editors move a scheduled story to another day (the workflow's Schedule move, with its
 * checks and history entry); writers see the calendar without moving anything.
 */
export const CalendarView = async ({
  initPageResult,
  params,
  searchParams,
}: AdminViewServerProps) => {
  const { req } = initPageResult
  const shell = { initPageResult, params, searchParams, title: 'Calendar' }
  if (!req.user || !isStaff({ user: req.user }))
    return (
      <ViewShell {...shell}>
        <p>Only newsroom staff can see the calendar.</p>
      </ViewShell>
    )
  const { week, month, from, to } = rangeOf(searchParams)
  const adminRoute = req.payload.config.routes.admin
  const entries: CalendarEntry[] = []
  for (const { collection, titleField, hasPublishDate } of ON_CALENDAR) {
    const scheduled: Where = {
      and: [
        { workflowState: { equals: 'scheduled' } },
        { publishAt: { greater_than_equal: from } },
        { publishAt: { less_than: to } },
      ],
    }
    const published: Where = {
      and: [
        { workflowState: { equals: 'published' } },
        { publishedAt: { greater_than_equal: from } },
        { publishedAt: { less_than: to } },
      ],
    }
    const { docs } = await req.payload.find({
      collection,
      draft: true,
      overrideAccess: false,
      user: req.user,
      req,
      depth: 0,
      limit: 500,
      pagination: false,
      where: hasPublishDate ? { or: [scheduled, published] } : scheduled,
    })
    for (const doc of docs) {
      const record = doc as unknown as Record<string, unknown> & { id: string }
      const subject = subjectOf(record)
      const at = String(subject.state === 'scheduled' ? record.publishAt : record.publishedAt)
      const move = canReschedule({ user: req.user as never, doc: subject })
      entries.push({
        id: String(record.id),
        collection,
        title: String(record[titleField] || 'Untitled'),
        state: subject.state,
        at,
        href: `${adminRoute}/collections/${collection}/${record.id}`,
        canMove: move.ok,
        whyNot: move.ok ? null : move.reason,
      })
    }
  }
  entries.sort((a, b) => a.at.localeCompare(b.at))

  return (
    <ViewShell
      {...shell}
      description="Scheduled and published articles and FAQs by day, in your time zone."
    >
      <CalendarGrid
        entries={entries}
        month={month}
        week={week}
        apiRoute={req.payload.config.routes.api}
        calendarPath={`${adminRoute}/calendar`}
      />
    </ViewShell>
  )
}
