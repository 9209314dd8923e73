import { words } from './fold'
import { SEARCH_WEIGHTS } from './searchText'
import { stem } from './stem'

/** A search candidate: where it stands in time and its folded headline, dek and byline/Key Questions. */
export type Candidate = {
  id: string
  publishedAt: string
  title: string
  dek: string
  extra: string
}

const stemsOf = (text: string) => new Set(words({ text }).map(({ word }) => stem({ word })))

/**
 * Candidates the text index matched, most relevant first: each query word found in the headline
 * counts its headline weight, in the dek its dek weight, in the byline or Key Questions theirs; a
 * candidate matched only in its body counts the body's weight. Newest first among equals, then by
 * id, so pages are stable. Words are compared by their stems, as the index does.
 *
 * @example
 * rankCandidates({ candidates, terms: ['hurricane'] })[0] // the story with "Hurricane" in its headline
 */
export const rankCandidates = <T extends Candidate>({
  candidates,
  terms,
}: {
  candidates: readonly T[]
  terms: readonly string[]
}): T[] => {
  const wanted = terms.map((word) => stem({ word }))
  const score = (candidate: T) => {
    const parts = {
      title: stemsOf(candidate.title),
      dek: stemsOf(candidate.dek),
      extra: stemsOf(candidate.extra),
    }
    let total = 0
    for (const term of wanted)
      for (const part of ['title', 'dek', 'extra'] as const)
        if (parts[part].has(term)) total += SEARCH_WEIGHTS[part]
    return total > 0 ? total : SEARCH_WEIGHTS.body
  }
  return candidates
    .map((candidate) => ({ candidate, score: score(candidate) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.candidate.publishedAt.localeCompare(a.candidate.publishedAt) ||
        b.candidate.id.localeCompare(a.candidate.id),
    )
    .map(({ candidate }) => candidate)
}
