'use client'

import { useConfig, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import type React from 'react'
import { useEffect, useState } from 'react'

import type { ChecklistCandidate } from '@copydesk/workflow/publishReadiness'
import { checklistFor, hasText } from '@copydesk/workflow/publishReadiness'

import { idOf, requestJSON } from './shared'

/** Where each field lives in the article form, so the editor knows where to go. */
const WHERE: Readonly<Record<string, string>> = {
  authors: 'Byline, in the sidebar',
  dek: 'Dek, Story tab',
  'hero.image': 'Hero image, Story tab',
  'meta.title': 'Title, SEO tab',
  'meta.description': 'Description, SEO tab',
  topics: 'Topics, in the sidebar',
  faqs: 'Questions, Key Questions tab',
}

const asIds = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap((item) => {
        const id = idOf(
          item && typeof item === 'object' && 'value' in item
            ? (item as { value: unknown }).value
            : item,
        )
        return id ? [id] : []
      })
    : []

const asText = (value: unknown): string | null => (typeof value === 'string' ? value : null)

/** Documents by id, in the order asked, or `[]` when the request fails. */
const findByIds = async <T extends { id: string }>({
  api,
  collection,
  ids,
  query = '',
}: {
  api: string
  collection: string
  ids: string[]
  query?: string
}): Promise<T[]> =>
  ids.length
    ? await requestJSON<{ docs: T[] }>(
        `${api}/${collection}?${ids.map((id, i) => `where[id][in][${i}]=${encodeURIComponent(id)}`).join('&')}${query}&depth=0&limit=${ids.length}`,
      )
        .then((res) => res.docs)
        .catch(() => [])
    : []

/**
 * The hero image's alt text, each topic's name and each Key Question's answer, read from their
 * own documents.
 */
const useRelated = ({
  api,
  heroId,
  faqIds,
  topicIds,
  refreshKey,
}: {
  api: string
  heroId: string | null
  faqIds: string
  topicIds: string
  refreshKey: unknown
}) => {
  const [heroAlt, setHeroAlt] = useState<string | null>(null)
  const [topics, setTopics] = useState<string[]>([])
  const [faqs, setFaqs] = useState<NonNullable<ChecklistCandidate['faqs']>>([])
  useEffect(() => {
    let isCurrent = true
    const load = async () => {
      const alt = heroId
        ? await requestJSON<{ alt?: string | null }>(`${api}/media/${heroId}?depth=0`)
            .then((media) => media.alt ?? null)
            .catch(() => null)
        : null
      const ids = faqIds ? faqIds.split(',') : []
      const found = await findByIds<{ id: string; question?: string; answer?: unknown }>({
        api,
        collection: 'faqs',
        ids,
        query: '&draft=true',
      })
      const byId = new Map(found.map((faq) => [String(faq.id), faq]))
      const chosenTopics = topicIds ? topicIds.split(',') : []
      const topicNames = new Map(
        (
          await findByIds<{ id: string; name?: string }>({
            api,
            collection: 'topics',
            ids: chosenTopics,
          })
        ).map((topic) => [String(topic.id), topic.name]),
      )
      if (!isCurrent) return
      setHeroAlt(alt)
      // A topic not loaded (yet) still counts: the server checks the same ids.
      setTopics(chosenTopics.map((id) => topicNames.get(id) ?? id))
      setFaqs(
        ids.map((id) => ({
          question: byId.get(id)?.question ?? null,
          hasAnswer: hasText(byId.get(id)?.answer),
        })),
      )
    }
    void load()
    return () => {
      isCurrent = false
    }
  }, [api, heroId, faqIds, topicIds, refreshKey])
  return { heroAlt, faqs, topics }
}

/**
 * The blocking pre-publish checklist in the workflow panel: each item green or red with the field
 * that fixes it, from the same rule the server applies before Approve, Schedule and Publish
 * (`checklistFor` in @copydesk/workflow), so what is red here is exactly what it would refuse.
 */
export const PublishChecklist: React.FC = () => {
  const { collectionSlug, lastUpdateTime } = useDocumentInfo()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const title = useFormFields(([fields]) => asText(fields.title?.value))
  const dek = useFormFields(([fields]) => asText(fields.dek?.value))
  const authors = useFormFields(([fields]) => asIds(fields.authors?.value).join(','))
  const topicIds = useFormFields(([fields]) => asIds(fields.topics?.value).join(','))
  const heroId = useFormFields(([fields]) => idOf(fields['hero.image']?.value))
  const metaTitle = useFormFields(([fields]) => asText(fields['meta.title']?.value))
  const metaDescription = useFormFields(([fields]) => asText(fields['meta.description']?.value))
  const faqIds = useFormFields(([fields]) => asIds(fields.faqs?.value).join(','))
  const { heroAlt, faqs, topics } = useRelated({
    api,
    heroId,
    faqIds,
    topicIds,
    refreshKey: lastUpdateTime,
  })

  if (collectionSlug !== 'articles') return null
  const items = checklistFor({
    doc: {
      title,
      dek,
      authors: authors ? authors.split(',') : [],
      // Names once loaded; until then the ids, so the item is green as soon as one is chosen.
      topics: !topicIds ? [] : topics.length > 0 ? topics : topicIds.split(','),
      hero: { hasImage: Boolean(heroId), alt: heroAlt },
      meta: { title: metaTitle, description: metaDescription },
      faqs,
    },
  })
  const red = items.filter((item) => !item.isOk).length

  return (
    <section
      className="wf-section wf-checklist"
      aria-labelledby="wf-checklist-title"
      data-testid="publish-checklist"
    >
      <h3 className="wf-section__title" id="wf-checklist-title">
        Before publishing
      </h3>
      <p
        className={
          red ? 'wf-checklist__summary wf-checklist__summary--red' : 'wf-checklist__summary'
        }
      >
        {red
          ? `${red} ${red === 1 ? 'item blocks' : 'items block'} Approve and Publish.`
          : 'Ready: every check passes.'}
      </p>
      <ul className="wf-checklist__items">
        {items.map((item) => (
          <li
            key={item.id}
            className={`wf-checklist__item wf-checklist__item--${item.isOk ? 'ok' : 'red'}`}
            data-item={item.id}
            data-ok={item.isOk ? 'true' : 'false'}
          >
            <span className="wf-checklist__mark" aria-hidden="true">
              {item.isOk ? '✓' : '✕'}
            </span>
            <span className="wf-checklist__text">
              <strong>{item.label}</strong>
              <span className="wf-visually-hidden">{item.isOk ? ' (passes)' : ' (fix this)'}</span>
              <span className="wf-checklist__message">{item.message}</span>
              {!item.isOk && (
                <span className="wf-checklist__field">
                  Fix in: {WHERE[item.field] ?? item.field}
                </span>
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
