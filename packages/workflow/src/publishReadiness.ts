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
