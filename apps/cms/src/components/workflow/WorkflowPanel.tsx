'use client'

import { useAuth, useFormFields } from '@payloadcms/ui'
import type React from 'react'

import { StateBadge } from './StateBadge'
import { Comments } from './Comments'
import { LiveStatus, PreviewButton } from './LiveStatus'
import { PublishChecklist } from './PublishChecklist'
import { formatDateTime, idOf, stateOrDraft } from './shared'
import { Timeline } from './Timeline'
import { useReviewers, useWorkflowInfo } from './useWorkflowInfo'

const Section: React.FC<{ title: string; children: React.ReactNode; id: string }> = ({
  title,
  children,
  id,
}) => (
  <section className="wf-section" aria-labelledby={id}>
    <h3 className="wf-section__title" id={id}>
      {title}
    </h3>
    {children}
  </section>
)

/**
 * The `workflowState` field's place in the sidebar: the state, who it waits on, whether readers
 * see it, the history and the editorial comments. The state itself changes only through the
 * actions in the document controls (WorkflowActions).
 */
export const WorkflowPanel: React.FC = () => {
  const { user } = useAuth()
  const formState = useFormFields(([fields]) => fields.workflowState?.value)
  const { info, error, api, base, adminRoute, collection, id } = useWorkflowInfo()
  const reviewers = useReviewers(base)
  const state = info?.state ?? stateOrDraft(formState)
  const assigneeId = idOf(info?.assignee)
  const assigneeName =
    (info?.assignee && typeof info.assignee === 'object' && info.assignee.name) ||
    reviewers?.find((reviewer) => reviewer.id === assigneeId)?.name ||
    (assigneeId ? 'An editor' : null)
  const currentUserId = user ? String(user.id) : undefined
  const lastEvent = info?.events[0]

  return (
    <div className="wf-panel" data-testid="workflow-panel">
      <div className="wf-panel__state">
        <span className="wf-label">State</span>
        <StateBadge state={state} />
      </div>
      {info?.hasPendingRevision && (
        <p className="wf-panel__hint">Live version is published · pending revision</p>
      )}
      {info?.scheduleProblem && (
        <p className="wf-error" role="alert">
          The scheduled change failed and is being retried: {info.scheduleProblem}
        </p>
      )}
      {error && (
        <p className="wf-error" role="alert">
          {error}
        </p>
      )}
      {id && (
        <dl className="wf-facts">
          <div>
            <dt>Reviewer</dt>
            <dd>
              {assigneeId && assigneeId === currentUserId
                ? 'You'
                : (assigneeName ?? 'Not assigned')}
            </dd>
          </div>
          {info?.publishAt && (
            <div>
              <dt>{state === 'scheduled' ? 'Publishes at' : 'Scheduled for'}</dt>
              <dd>
                <time dateTime={info.publishAt}>{formatDateTime(info.publishAt)}</time>
              </dd>
            </div>
          )}
          {info?.unpublishAt && (
            <div>
              <dt>Comes off the site</dt>
              <dd>
                <time dateTime={info.unpublishAt}>{formatDateTime(info.unpublishAt)}</time>
              </dd>
            </div>
          )}
        </dl>
      )}
      {info && info.available.length > 0 && (
        <ul className="wf-moves" aria-label="What you can do now">
          {info.available.map((move) => (
            <li key={move.action}>
              <strong>{move.label}</strong>: {move.explanation}
            </li>
          ))}
        </ul>
      )}
      {base && (
        <div className="wf-panel__site">
          <LiveStatus base={base} refreshKey={`${state}:${lastEvent?.id ?? ''}`} />
          <PreviewButton base={base} />
        </div>
      )}
      {!id && <p className="wf-muted">The workflow starts once the draft is saved.</p>}
      {id && <PublishChecklist />}
      {info && collection && id && (
        <Section title="History" id="wf-history-title">
          <Timeline
            events={info.events}
            versionsURL={`${adminRoute}/collections/${collection}/${id}/versions`}
            currentUserId={currentUserId}
          />
        </Section>
      )}
      {collection && id && base && (
        <Section title="Editorial comments" id="wf-comments-title">
          <Comments
            api={api}
            collection={collection}
            documentId={String(id)}
            currentUserId={currentUserId}
            reviewers={reviewers}
          />
        </Section>
      )}
    </div>
  )
}
