import type { PayloadRequest } from 'payload'
import { ValidationError } from 'payload'

import type { ChecklistCandidate } from '@copydesk/workflow/publishReadiness'
import { checklistProblems, hasText } from '@copydesk/workflow/publishReadiness'

import { relationIds } from '../revalidate/lookups'

/**
 * An article as the checklist reads it: the hero's alt text from its media document and each Key
 * Question's answer from its FAQ (the latest version, as the editor sees it).
 */
export const checklistCandidateOf = async ({
  doc,
  req,
}: {
  doc: Record<string, unknown>
  req: PayloadRequest
}): Promise<ChecklistCandidate> => {
  const hero = (doc.hero ?? {}) as { image?: unknown }
  const heroId = relationIds(hero.image)[0]
  let heroAlt: string | null = null
  if (heroId) {
    const media = await req.payload
      .findByID({ collection: 'media', id: heroId, depth: 0, overrideAccess: true, req })
      .catch(() => null)
    heroAlt = media?.alt ?? null
  }
  const faqIds = relationIds(doc.faqs)
  const { docs: faqs } = faqIds.length
    ? await req.payload.find({
        collection: 'faqs',
        where: { id: { in: faqIds } },
        draft: true,
        depth: 0,
        limit: faqIds.length,
        pagination: false,
        overrideAccess: true,
        select: { question: true, answer: true },
        req,
      })
    : { docs: [] }
  const byId = new Map(faqs.map((faq) => [String(faq.id), faq]))
  const meta = (doc.meta ?? null) as ChecklistCandidate['meta']
  return {
    title: doc.title as string | null,
    dek: doc.dek as string | null,
    authors: relationIds(doc.authors),
    // Ids: the server only counts them (the workflow panel shows their names).
    topics: relationIds(doc.topics),
    hero: { hasImage: Boolean(heroId), alt: heroAlt },
    meta,
    faqs: faqIds.map((id) => {
      const faq = byId.get(id)
      return { question: faq?.question ?? null, hasAnswer: hasText(faq?.answer) }
    }),
  }
}

/**
 * Refuses, with a 400 naming each field, a move the pre-publish checklist blocks: the same
 * red items the workflow panel shows.
 */
export const assertChecklist = async ({
  doc,
  req,
}: {
  doc: Record<string, unknown>
  req: PayloadRequest
}): Promise<void> => {
  const problems = checklistProblems({ doc: await checklistCandidateOf({ doc, req }) })
  if (problems.length > 0)
    throw new ValidationError({
      collection: 'articles',
      errors: problems.map((problem) => ({
        path: problem.field,
        label: problem.label,
        message: problem.message,
      })),
    })
}
