import type { SnippetPart } from '@copydesk/search/snippet'

/** Text with the words a search matched in `<mark>`. */
export const Highlighted = ({ parts }: { parts: SnippetPart[] }) => (
  <>{parts.map((part, i) => (part.isMatch ? <mark key={i}>{part.text}</mark> : part.text))}</>
)
