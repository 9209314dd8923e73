'use client'

import type React from 'react'

import { TRANSITIONS } from '@copydesk/workflow/transitions'

import type { WorkflowEventView } from './shared'
import { StateBadge } from './StateBadge'
import { describeAction, formatDateTime } from './shared'

// The history endpoint names only the actors this person may read (Payload's users access).
const fallbackActor = (action: string): string => {
  const rule = TRANSITIONS.find((candidate) => candidate.action === action)
  if (rule?.by === 'system') return 'The scheduler'
  if (rule?.by === 'editor') return 'An editor'
  return 'A colleague'
}

/** The document's history, newest first, each decision linked to the version it was made on. */
export const Timeline: React.FC<{
  events: WorkflowEventView[]
  versionsURL: string
  currentUserId?: string
}> = ({ events, versionsURL, currentUserId }) => {
  if (events.length === 0)
    return (
      <p className="wf-muted">Nothing has happened yet. The history starts with the first save.</p>
    )
  return (
    <ol className="wf-timeline" aria-label="Workflow history, newest first">
      {events.map((event) => {
        const who =
          event.actor && currentUserId && String(event.actor.id) === currentUserId
            ? 'You'
            : event.actor?.name || event.actor?.email || fallbackActor(event.action)
        return (
          <li key={event.id} className={`wf-timeline__item wf-timeline__item--${event.to}`}>
            <p className="wf-timeline__what">
              <strong>{who}</strong> {describeAction(event.action)}
            </p>
            {event.from && event.from !== event.to && (
              <p className="wf-timeline__move">
                <StateBadge state={event.from} size="small" />
                <span aria-label="to">→</span>
                <StateBadge state={event.to} size="small" />
              </p>
            )}
            {event.note && <blockquote className="wf-timeline__note">{event.note}</blockquote>}
            <p className="wf-timeline__meta">
              <time dateTime={event.at}>{formatDateTime(event.at)}</time>
              {event.version && (
                <>
                  {' · '}
                  <a href={`${versionsURL}/${event.version}`}>View this version</a>
                </>
              )}
            </p>
          </li>
        )
      })}
    </ol>
  )
}
