import type { AdminViewServerProps } from 'payload'
import type React from 'react'

import { isStaff } from '@copydesk/workflow/roles'
import { WORKFLOW_STATES } from '@copydesk/workflow/states'

import { DocCardView } from './DocCardView'
import { findCards } from './server'
import { StateBadge } from './StateBadge'
import { ViewShell } from './ViewShell'

/**
 * `/admin/board`: every article, FAQ and author the person may read, in one column per workflow
 * state, each card linking to the document.
 */
export const BoardView = async ({ initPageResult, params, searchParams }: AdminViewServerProps) => {
  const { req } = initPageResult
  const adminRoute = req.payload.config.routes.admin
  const shell = { initPageResult, params, searchParams, title: 'Board' }
  if (!req.user || !isStaff({ user: req.user }))
    return (
      <ViewShell {...shell}>
        <p>Only newsroom staff can see the board.</p>
      </ViewShell>
    )
  const cards = await findCards({ req })
  const currentUserId = String(req.user.id)

  return (
    <ViewShell
      {...shell}
      description="Articles, FAQs and authors by workflow state, most recently changed first."
    >
      <div className="wf-board" role="list" aria-label="Workflow states">
        {WORKFLOW_STATES.map((state) => {
          const inState = cards.filter((card) => card.state === state)
          const headingId = `wf-board-${state}`
          return (
            <section
              key={state}
              data-state={state}
              className={`wf-board__column wf-board__column--${state}`}
              role="listitem"
              aria-labelledby={headingId}
            >
              <h2 className="wf-board__heading" id={headingId}>
                <StateBadge state={state} size="small" />
                <span className="wf-board__count" aria-label={`${inState.length} documents`}>
                  {inState.length}
                </span>
              </h2>
              {inState.length === 0 ? (
                <p className="wf-board__empty">No documents</p>
              ) : (
                <ul className="wf-board__cards">
                  {inState.map((card) => (
                    <li key={`${card.collection}:${card.id}`}>
                      <DocCardView
                        card={card}
                        adminRoute={adminRoute}
                        currentUserId={currentUserId}
                      />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )
        })}
      </div>
    </ViewShell>
  )
}
