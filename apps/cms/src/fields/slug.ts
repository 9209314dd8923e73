import type { TextField } from 'payload'

import { slugify, validateSlug } from '@copydesk/workflow/slug'

type SlugFieldOptions = {
  /** The field the slug is generated from while the slug is empty. */
  from: string
  /** Deep-merged over the defaults for `admin`; replaces anything else it names. */
  overrides?: Partial<Pick<TextField, 'name' | 'label' | 'required' | 'admin'>>
}

/**
 * A unique, kebab-case slug, generated from another field until an editor sets one by hand.
 *
 * @example
 * slugField({ from: 'title' })
 */
export const slugField = ({ from, overrides = {} }: SlugFieldOptions): TextField => ({
  name: 'slug',
  type: 'text',
  unique: true,
  index: true,
  ...overrides,
  admin: {
    position: 'sidebar',
    description: `Used in the URL. Filled in from the ${from} until you change it.`,
    ...overrides.admin,
  },
  hooks: {
    beforeValidate: [
      ({ value, data }) => {
        if (typeof value === 'string' && value.length > 0) return value
        const source = data?.[from]
        return typeof source === 'string' && source.trim() ? slugify({ text: source }) : value
      },
    ],
  },
  validate: (value: string | null | undefined, { data }: { data: Record<string, unknown> }) => {
    // Autosaved drafts start empty; a slug is only demanded once there is something to name.
    if (!value && !data?.[from]) return true
    return validateSlug({ slug: value })
  },
})
