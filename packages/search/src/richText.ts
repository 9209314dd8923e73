type Node = { type?: unknown; text?: unknown; children?: unknown }

const textOf = (node: Node): string => {
  const own = typeof node.text === 'string' ? node.text : ''
  const children = Array.isArray(node.children) ? (node.children as Node[]) : []
  // A list's items and a line break are separate runs of text, not one glued word.
  const separator = node.type === 'list' ? '\n' : ''
  return (
    own +
    children.map((child) => (child.type === 'linebreak' ? '\n' : textOf(child))).join(separator)
  )
}

/**
 * The plain text of a Lexical rich-text value, one string per top-level block (paragraph,
 * heading, list, quote), empty blocks left out.
 *
 * @example
 * richTextBlocks({ value: article.body }).join('\n\n')
 */
export const richTextBlocks = ({ value }: { value: unknown }): string[] => {
  const root = (value as { root?: Node } | null | undefined)?.root
  const blocks = Array.isArray(root?.children) ? (root.children as Node[]) : []
  return blocks.map(textOf).filter((text) => text.trim() !== '')
}
