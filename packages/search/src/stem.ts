// Longest first: the first suffix that leaves a stem of three letters or more is removed.
const SUFFIXES = [
  'ations',
  'ation',
  'ional',
  'ments',
  'ness',
  'ment',
  'ions',
  'ings',
  'ies',
  'ion',
  'ing',
  'ers',
  'ed',
  'es',
  'er',
  'ly',
  's',
]

/**
 * A light English stemmer for highlighting: it only has to agree with itself, so that a word
 * the database's stemmer matched ("defection" for the query "defects") is marked in the snippet.
 * Expects folded words.
 *
 * @example
 * stem({ word: 'defection' }) === stem({ word: 'defects' }) // both 'defect'
 */
export const stem = ({ word }: { word: string }): string => {
  if (word.length <= 4) return word.endsWith('s') && word.length > 3 ? word.slice(0, -1) : word
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      const base = word.slice(0, -suffix.length)
      // "studies" → "studi" would miss "study"; "ies" becomes "y".
      return suffix === 'ies' ? `${base}y` : base
    }
  }
  return word
}
