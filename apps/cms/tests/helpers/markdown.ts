/**
 * Random Markdown documents built from every construct the newsroom's editor supports and
 * Markdown can say: paragraphs with bold, italic, bold italic, strikethrough and links; h2–h4;
 * ordered and bulleted lists (nested too); quotes; rules. A seed makes every run the same.
 */

import { seededRandom } from '../../src/seed/archive/random'

/** The archive seeder's deterministic generator (mulberry32), under this file's older name. */
export const randomFrom = seededRandom

export type Random = ReturnType<typeof randomFrom>

const WORDS = [
  'embassy',
  'Havana',
  'Seoul',
  'diplomat',
  'talks',
  'résumé',
  'Núñez',
  'ministry',
  'border',
  'treaty',
  'council',
  '2024',
  'officials',
  'quietly',
  'reopened',
  'trade',
  'São',
  'visa',
] as const

const words = (random: Random, min: number, max: number) =>
  Array.from({ length: random.int(min, max) }, () => random.pick(WORDS)).join(' ')

const inline = (random: Random): string => {
  const parts = Array.from({ length: random.int(1, 4) }, () => {
    const text = words(random, 1, 4)
    switch (random.int(0, 6)) {
      case 0:
        return `**${text}**`
      case 1:
        return `*${text}*`
      case 2:
        return `_**${text}**_`
      case 3:
        return `~~${text}~~`
      case 4:
        return `[${text}](https://example.com/${random.int(1, 999)}?q=${random.int(1, 9)})`
      default:
        return text
    }
  })
  return `${parts.join(' ')}.`
}

const list = (random: Random, depth: number): string[] => {
  const isOrdered = random.next() < 0.5
  const indent = '    '.repeat(depth)
  return Array.from({ length: random.int(1, 4) }, (_, i) => {
    const item = `${indent}${isOrdered ? `${i + 1}.` : '-'} ${inline(random)}`
    return depth < 1 && random.next() < 0.2 ? [item, ...list(random, depth + 1)] : [item]
  }).flat()
}

const block = (random: Random, isShort: boolean): string => {
  // The short editor (FAQ answers, bios) has paragraphs and lists only.
  switch (isShort ? random.pick([1, 5]) : random.int(0, 7)) {
    case 0:
      return `${'#'.repeat(random.int(2, 4))} ${words(random, 1, 5)}`
    case 1:
    case 2:
      return list(random, 0).join('\n')
    case 3:
      return `> ${inline(random)}`
    case 4:
      return '---'
    default:
      return inline(random)
  }
}

/**
 * A Markdown body of a few blocks, starting and ending with a paragraph.
 *
 * @example
 * markdownDocument(randomFrom(1)) // 'talks **Seoul visa**.\n\n- …'
 */
export const markdownDocument = (random: Random, { isShort = false } = {}): string =>
  [
    inline(random),
    ...Array.from({ length: random.int(1, 8) }, () => block(random, isShort)),
    inline(random),
  ].join('\n\n')
