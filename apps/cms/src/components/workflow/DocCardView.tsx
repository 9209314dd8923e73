import Link from 'next/link'
import type React from 'react'

import type { DocCard } from './server'
import { LocalTime } from './LocalTime'
import { StateBadge } from './StateBadge'
import { COLLECTION_LABELS } from './server'
import { editURL } from './shared'

/** One document on the board or in the queue, linking to its edit view. */
export const DocCardView: React.FC<{
  card: DocCard
  adminRoute: string
  currentUserId: string
  showState?: boolean
}> = ({ card, adminRoute, currentUserId, showState = false }) => (
  <article className="wf-card">
    <h3 className="wf-card__title">
      <Link
        href={editURL({ adminRoute, collection: card.collection, id: card.id })}
        prefetch={false}
      >
        {card.title}
      </Link>
    </h3>
    <p className="wf-card__meta">
      <span className={`wf-card__type wf-card__type--${card.collection}`}>
        {COLLECTION_LABELS[card.collection]}
      </span>
      {showState && <StateBadge state={card.state} size="small" />}
    </p>
    <p className="wf-card__meta">
      <span>
        {card.assigneeId
          ? `Reviewer: ${card.assigneeId === currentUserId ? 'you' : (card.assigneeName ?? 'an editor')}`
          : 'No reviewer'}
      </span>
      {card.updatedAt && (
        <span>
          Updated <LocalTime iso={card.updatedAt} />
        </span>
      )}
    </p>
  </article>
)
