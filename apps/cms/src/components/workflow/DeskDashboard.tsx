import type { ServerProps, Where } from 'payload'
import { createLocalReq } from 'payload'
import Link from 'next/link'
import type React from 'react'

import { deskFor } from '@copydesk/workflow/queue'

import type { DocCard } from './server'
import { DocCardView } from './DocCardView'
import { LocalTime } from './LocalTime'
import { findCards, whereFor } from './server'

import './workflow.scss'

/**
 * The editor's desk at the top of the dashboard: what waits for the signed-in person's decision,
 * changes requested on their own work and what goes live today (from `deskFor`, the rules behind
 * "My queue"), with links to the queue and the board (the unread badge is in the top bar).
 */
export const DeskDashboard = async ({ payload, user }: ServerProps) => {
  if (!user) return null
  const sections = deskFor({ user, now: new Date() })
  if (sections.length === 0) return null
  const req = await createLocalReq({ user }, payload)
  const adminRoute = payload.config.routes.admin
  const userId = String(user.id)
  const filled = await Promise.all(
    sections.map(async (section) => {
      let cards: DocCard[]
      if (section.scheduledBefore) {
        const where: Where = {
          and: [
            { workflowState: { equals: 'scheduled' } },
            { publishAt: { less_than: section.scheduledBefore } },
          ],
        }
        cards = (await findCards({ req, where, limit: 50 })).sort((a, b) =>
          (a.publishAt ?? '').localeCompare(b.publishAt ?? ''),
        )
      } else {
        const groups = await Promise.all(
          section.criteria.map((criterion) =>
            findCards({ req, where: whereFor({ criterion, userId }), limit: 50 }),
          ),
        )
        cards = groups.flat()
      }
      return { section, cards }
    }),
  )
  return (
    <section className="wf-desk" aria-labelledby="wf-desk-title" data-testid="desk">
      <header className="wf-desk__header">
        <h2 id="wf-desk-title">Your desk</h2>
        <nav className="wf-desk__links" aria-label="Editorial desk">
          <Link href={`${adminRoute}/queue`} prefetch={false} className="wf-desk__link">
            My queue
          </Link>
          <Link href={`${adminRoute}/board`} prefetch={false} className="wf-desk__link">
            Board
          </Link>
        </nav>
      </header>
      <div className="wf-desk__sections">
        {filled.map(({ section, cards }) => (
          <section
            key={section.id}
            className="wf-desk__section"
            aria-labelledby={`wf-desk-${section.id}`}
            data-section={section.id}
          >
            <h3 className="wf-queue__heading" id={`wf-desk-${section.id}`}>
              {section.title} <span className="wf-board__count">{cards.length}</span>
            </h3>
            {cards.length === 0 ? (
              <p className="wf-muted">{section.empty}</p>
            ) : (
              <ul className="wf-queue__cards">
                {cards.slice(0, 6).map((card) => (
                  <li key={`${card.collection}:${card.id}`}>
                    <DocCardView
                      card={card}
                      adminRoute={adminRoute}
                      currentUserId={userId}
                      showState={section.id !== 'scheduled'}
                    />
                    {section.id === 'scheduled' && card.publishAt && (
                      <p className="wf-desk__when">
                        Goes live <LocalTime iso={card.publishAt} />
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {cards.length > 6 && (
              <Link href={`${adminRoute}/queue`} prefetch={false} className="wf-desk__more">
                {cards.length - 6} more in My queue
              </Link>
            )}
          </section>
        ))}
      </div>
    </section>
  )
}
