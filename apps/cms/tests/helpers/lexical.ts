import type { Article } from '@copydesk/types/payload-types'

/** Small builders for Lexical JSON, so tests can state rich text without a browser. */
type Node = { type: string; version: number; [key: string]: unknown }

export const text = (value: string, format = 0): Node => ({
  type: 'text',
  detail: 0,
  format,
  mode: 'normal',
  style: '',
  text: value,
  version: 1,
})

const element = (type: string, children: Node[], extra: Record<string, unknown> = {}): Node => ({
  type,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
  ...extra,
})

export const paragraph = (...children: Node[]) =>
  element('paragraph', children, { textFormat: 0, textStyle: '' })

export const heading = (tag: 'h2' | 'h3' | 'h4', value: string) =>
  element('heading', [text(value)], { tag })

export const quote = (value: string) => element('quote', [text(value)])

export const list = (listType: 'bullet' | 'number', items: string[]) =>
  element(
    'list',
    items.map((item, i) => element('listitem', [text(item)], { value: i + 1 })),
    { listType, start: 1, tag: listType === 'bullet' ? 'ul' : 'ol' },
  )

export const link = (value: string, fields: Record<string, unknown>) =>
  element('link', [text(value)], { fields, id: `link-${value.length}` })

export const upload = (mediaId: string): Node => ({
  type: 'upload',
  fields: { caption: 'A caption on the image node' },
  format: '',
  id: `upload-${mediaId}`,
  relationTo: 'media',
  value: mediaId,
  version: 3,
})

export const horizontalRule = (): Node => ({ type: 'horizontalrule', version: 1 })

export const root = (...children: Node[]): NonNullable<Article['body']> => ({
  root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 },
})

/** Text format bit flags used by Lexical. */
export const FORMAT = { bold: 1, italic: 2, strikethrough: 4, underline: 8 } as const
