import type { AdminViewServerProps } from 'payload'
import Link from 'next/link'
import type React from 'react'

import { queueFor } from '@copydesk/workflow/queue'
import { isWorkflowCollection } from '@copydesk/workflow/states'

import { DocCardView } from './DocCardView'
import { LocalTime } from './LocalTime'
import { MarkAllRead } from './MarkAllRead'
import { findCards, whereFor } from './server'
import { editURL } from './shared'
import { ViewShell } from './ViewShell'

/**
 * `/admin/queue`: what waits on the signed-in person (from `queueFor`, the same rules that decide
 * who is notified), grouped by why, and their unread notifications.
 */
export const QueueView = async ({ initPageResult, params, searchParams }: AdminViewServerProps) => {
  const { req } = initPageResult
  const adminRoute = req.payload.config.routes.admin
  const shell = { initPageResult, params, searchParams, title: 'My queue' }
  const criteria = queueFor({ user: req.user })
  if (!req.user || criteria.length === 0)
    return (
      <ViewShell {...shell}>
        <p>Only newsroom staff have a queue.</p>
      </ViewShell>
    )
  const userId = String(req.user.id)
  const groups = await Promise.all(
    criteria.map(async (criterion) => ({
      criterion,
      cards: await findCards({ req, where: whereFor({ criterion, userId }), limit: 100 }),
    })),
  )
  const { docs: unread } = await req.payload.find({
    collection: 'notifications',
    where: { isRead: { equals: false } },
    sort: '-createdAt',
    limit: 50,
    depth: 0,
    overrideAccess: false,
    user: req.user,
    req,
  })
  const waiting = groups.reduce((sum, group) => sum + group.cards.length, 0)

  return (
    <ViewShell
      {...shell}
      description={
        waiting === 0
          ? 'Nothing waits on you right now.'
          : `${waiting} ${waiting === 1 ? 'document waits' : 'documents wait'} on you.`
      }
    >
      <div className="wf-queue">
        <div className="wf-queue__groups">
          {groups.map(({ criterion, cards }) => {
            const headingId = `wf-queue-${criterion.state}-${criterion.relation}`
            return (
              <section key={headingId} className="wf-queue__group" aria-labelledby={headingId}>
                <h2 className="wf-queue__heading" id={headingId}>
                  {criterion.why} <span className="wf-board__count">{cards.length}</span>
                </h2>
                {cards.length === 0 ? (
                  <p className="wf-muted">Nothing here.</p>
                ) : (
                  <ul className="wf-queue__cards">
                    {cards.map((card) => (
                      <li key={`${card.collection}:${card.id}`}>
                        <DocCardView
                          card={card}
                          adminRoute={adminRoute}
                          currentUserId={userId}
                          showState
                        />
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            )
          })}
        </div>
        <aside className="wf-notifications" aria-labelledby="wf-notifications-title">
          <div className="wf-notifications__header">
            <h2 className="wf-queue__heading" id="wf-notifications-title">
              Notifications <span className="wf-board__count">{unread.length}</span>
            </h2>
            {unread.length > 0 && <MarkAllRead />}
          </div>
          {unread.length === 0 ? (
            <p className="wf-muted">No unread notifications.</p>
          ) : (
            <ul className="wf-notifications__list">
              {unread.map((notification) => (
                <li key={notification.id} className="wf-notification">
                  {notification.document &&
                  isWorkflowCollection(notification.documentCollection) ? (
                    <Link
                      href={editURL({
                        adminRoute,
                        collection: notification.documentCollection,
                        id: notification.document,
                      })}
                      prefetch={false}
                    >
                      {notification.message}
                    </Link>
                  ) : (
                    <span>{notification.message}</span>
                  )}
                  <LocalTime className="wf-notification__time" iso={notification.createdAt} />
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
    </ViewShell>
  )
}
