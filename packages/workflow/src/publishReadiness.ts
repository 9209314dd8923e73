/** The parts of a document that decide whether it may go live. */
export type PublishCandidate = {
  collection: 'articles' | 'faqs' | 'authors'
  title?: string | null
  slug?: string | null
  authors?: readonly unknown[] | null
}

export type PublishProblem = { field: string; message: string }

/**
 * Lists what stops a document from being published; an empty list means it may go live.
 * Drafts may be incomplete; these rules apply only to the published version.
 *
 * @example
 * publishProblems({ doc: { collection: 'articles', title: 'T', slug: 't', authors: [] } })
 * // [{ field: 'authors', message: 'An article needs at least one author before it is published.' }]
 */
export const publishProblems = ({ doc }: { doc: PublishCandidate }): PublishProblem[] => {
  const problems: PublishProblem[] = []
  if (doc.collection === 'articles') {
    if (!doc.title?.trim())
      problems.push({
        field: 'title',
        message: 'An article needs a headline before it is published.',
      })
    if (!doc.authors || doc.authors.length === 0) {
      problems.push({
        field: 'authors',
        message: 'An article needs at least one author before it is published.',
      })
    }
  }
  if (!doc.slug)
    problems.push({ field: 'slug', message: 'A document needs a slug before it is published.' })
  return problems
}

/** Longest SEO title search engines show in full; the headline stands in when it is empty. */
export const SEO_TITLE_MAX = 60
/** Longest SEO description search engines show in full; the dek stands in when it is empty. */
export const SEO_DESCRIPTION_MAX = 160

/**
 * What the pre-publish checklist reads from an article. Related documents arrive resolved: the
 * hero's alt text from its media document, and whether each Key Question has an answer.
 */
export type ChecklistCandidate = {
  title?: string | null
  dek?: string | null
  authors?: readonly unknown[] | null
  topics?: readonly (string | null | undefined)[] | null
  hero?: { hasImage: boolean; alt?: string | null } | null
  meta?: { title?: string | null; description?: string | null } | null
  faqs?: readonly { question?: string | null; hasAnswer: boolean }[] | null
}

/** One line of the checklist: green (`isOk`) or red, with the field to fix and what to do. */
export type ChecklistItem = {
  id: 'byline' | 'dek' | 'heroAlt' | 'seoTitle' | 'seoDescription' | 'topics' | 'faqAnswers'
  label: string
  /** The form field that fixes it (a path Payload's form knows). */
  field: string
  isOk: boolean
  /** What is wrong and how to fix it when red; what was checked when green. */
  message: string
}

const filled = (value: string | null | undefined): value is string => Boolean(value?.trim())

/**
 * The blocking pre-publish checklist for an article: every item must be green before it is
 * approved, scheduled or published. The server refuses with the red items' messages, and the
 * admin's workflow panel shows the same list as the editor types.
 *
 * @example
 * checklistFor({ doc: { title: 'T', dek: '', authors: ['a'], topics: ['Transport'] } })
 *   .filter((item) => !item.isOk).map((item) => item.id) // ['dek']
 */
export const checklistFor = ({ doc }: { doc: ChecklistCandidate }): ChecklistItem[] => {
  const hasByline = Boolean(doc.authors && doc.authors.length > 0)
  const topics = (doc.topics ?? []).filter(filled)
  const seoTitle = (filled(doc.meta?.title) ? doc.meta.title : (doc.title ?? '')).trim()
  const seoDescription = (
    filled(doc.meta?.description) ? doc.meta.description : (doc.dek ?? '')
  ).trim()
  const unanswered = (doc.faqs ?? []).filter((faq) => !faq.hasAnswer)
  const items: ChecklistItem[] = [
    {
      id: 'byline',
      label: 'Byline',
      field: 'authors',
      isOk: hasByline,
      message: hasByline
        ? 'At least one author.'
        : 'An article needs at least one author before it is published.',
    },
    {
      id: 'dek',
      label: 'Dek',
      field: 'dek',
      isOk: filled(doc.dek),
      message: filled(doc.dek)
        ? 'The story has a dek.'
        : 'Write a dek: one or two sentences under the headline.',
    },
  ]
  if (doc.hero?.hasImage) {
    const hasAlt = filled(doc.hero.alt)
    items.push({
      id: 'heroAlt',
      label: 'Hero alt text',
      field: 'hero.image',
      isOk: hasAlt,
      message: hasAlt
        ? 'The hero image describes itself for screen readers.'
        : 'Give the hero image alt text (open the image and fill in “Alt”).',
    })
  }
  items.push(
    {
      id: 'seoTitle',
      label: 'SEO title length',
      field: 'meta.title',
      isOk: seoTitle.length <= SEO_TITLE_MAX,
      message:
        seoTitle.length <= SEO_TITLE_MAX
          ? `${seoTitle.length} of ${SEO_TITLE_MAX} characters.`
          : `The SEO title is ${seoTitle.length} characters; shorten it to ${SEO_TITLE_MAX} or fewer (SEO tab${filled(doc.meta?.title) ? '' : ', or a shorter headline'}).`,
    },
    {
      id: 'seoDescription',
      label: 'SEO description length',
      field: 'meta.description',
      isOk: seoDescription.length <= SEO_DESCRIPTION_MAX,
      message:
        seoDescription.length <= SEO_DESCRIPTION_MAX
          ? `${seoDescription.length} of ${SEO_DESCRIPTION_MAX} characters.`
          : `The SEO description is ${seoDescription.length} characters; shorten it to ${SEO_DESCRIPTION_MAX} or fewer (SEO tab${filled(doc.meta?.description) ? '' : ', or a shorter dek'}).`,
    },
    {
      id: 'topics',
      label: 'Topics',
      field: 'topics',
      isOk: topics.length > 0,
      message: topics.length > 0 ? topics.join(', ') : 'Add at least one topic.',
    },
    {
      id: 'faqAnswers',
      label: 'Key Questions answered',
      field: 'faqs',
      isOk: unanswered.length === 0,
      message:
        unanswered.length === 0
          ? (doc.faqs?.length ?? 0) === 0
            ? 'No Key Questions on this story.'
            : 'Every Key Question has an answer.'
          : `Answer ${unanswered.map((faq) => `“${faq.question?.trim() || 'Untitled question'}”`).join(', ')} before publishing (Key Questions tab).`,
    },
  )
  return items
}

/** The red items of the checklist: what blocks approving, scheduling and publishing. */
export const checklistProblems = ({ doc }: { doc: ChecklistCandidate }): ChecklistItem[] =>
  checklistFor({ doc }).filter((item) => !item.isOk)

/** The moves the checklist blocks: an article goes nowhere near readers with a red item. */
export const CHECKLIST_ACTIONS = ['approve', 'schedule', 'publish'] as const

/**
 * Whether a workflow action on a collection must pass the checklist first (articles only; the
 * scheduler carries out a schedule that already passed it).
 *
 * @example
 * needsChecklist({ collection: 'articles', action: 'publish' }) // true
 */
export const needsChecklist = ({
  collection,
  action,
}: {
  collection: string
  action: string
}): boolean =>
  collection === 'articles' && (CHECKLIST_ACTIONS as readonly string[]).includes(action)

/**
 * Whether a rich-text value (Lexical JSON) holds any visible text: an answer of empty
 * paragraphs counts as no answer.
 *
 * @example
 * hasText({ root: { children: [{ type: 'paragraph', children: [] }] } }) // false
 */
export const hasText = (value: unknown): boolean => {
  const visit = (node: unknown): boolean => {
    if (typeof node !== 'object' || node === null) return false
    const record = node as { text?: unknown; children?: unknown; root?: unknown }
    if (typeof record.text === 'string' && record.text.trim()) return true
    if (record.root) return visit(record.root)
    return Array.isArray(record.children) && record.children.some(visit)
  }
  return visit(value)
}
