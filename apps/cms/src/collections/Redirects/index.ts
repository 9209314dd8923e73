import type { Field, FieldHook, Plugin } from 'payload'

import { redirectsPlugin } from '@payloadcms/plugin-redirects'

import { validateRedirectFrom } from '@copydesk/workflow/redirects'
import type { MaybeUser } from '@copydesk/workflow/roles'
import { isEditor } from '@copydesk/workflow/roles'

import { isAdminAccess } from '../../access/isAdmin'
import { isEditorAccess } from '../../access/isEditor'
import { relationIds } from '../../revalidate/lookups'
import { withInputChecks } from '../../validation/rejectBadInput'
import { revalidateDeletedRedirect, revalidateRedirect } from './hooks/revalidateRedirect'
import { describeTarget } from './target'

/** The current address of the story a redirect leads to, for the admin list (never stored). */
const currentAddress: FieldHook = async ({ siblingData, req }) => {
  const to = (siblingData as { to?: { type?: string; url?: string; reference?: unknown } }).to
  if (to?.type === 'custom') return to.url ?? null
  const reference = to?.reference as { value?: unknown } | undefined
  const [id] = relationIds(reference?.value)
  return id ? describeTarget({ id, req }) : null
}

/** The plugin's fields, worded for a newsroom: where readers came from and where they go now. */
const newsroomFields = ({ defaultFields }: { defaultFields: Field[] }): Field[] => [
  ...defaultFields.map((field): Field => {
    if (!('name' in field)) return field
    if (field.name === 'from' && field.type === 'text')
      return {
        ...field,
        label: 'From (old address)',
        admin: {
          description:
            'The address readers used, e.g. /articles/old-slug. It answers 308 to the story.',
        },
        validate: (value: unknown) => validateRedirectFrom({ from: value }),
      }
    if (field.name === 'to' && field.type === 'group')
      return { ...field, label: 'To', admin: { description: 'The story readers are sent to.' } }
    return field
  }),
  {
    name: 'toAddress',
    label: 'To (current address)',
    type: 'text',
    virtual: true,
    admin: { readOnly: true, description: 'Where the story lives now: the redirect follows it.' },
    hooks: { afterRead: [currentAddress] },
  },
]

/**
 * Old article addresses and the stories they lead to (`@payloadcms/plugin-redirects`). The CMS
 * writes them when a published story's slug changes (see Articles' `redirectOldSlug`); editors
 * review and delete them; only admins write one by hand. Readers' site reads them anonymously:
 * an old address is public already, and a story that is not published resolves to nothing.
 */
export const redirects: Plugin = redirectsPlugin({
  collections: ['articles'],
  overrides: {
    labels: { singular: 'Redirect', plural: 'Redirects' },
    admin: {
      useAsTitle: 'from',
      defaultColumns: ['from', 'toAddress', 'createdAt'],
      group: 'Newsroom',
      description:
        'Old addresses of published stories whose slug changed. Each answers 308 to the story’s current address; delete one to let its old address answer 404 again.',
      hidden: ({ user }) => !isEditor({ user: user as MaybeUser }),
    },
    defaultSort: '-createdAt',
    access: {
      read: () => true,
      create: isAdminAccess,
      update: isAdminAccess,
      delete: isEditorAccess,
    },
    hooks: {
      afterChange: [revalidateRedirect],
      afterDelete: [revalidateDeletedRedirect],
    },
    fields: newsroomFields,
  },
})

/** Runs the project's input checks (a 400 naming each bad field) on the plugin's collection too. */
export const checkRedirectInput: Plugin = (config) => ({
  ...config,
  collections: (config.collections ?? []).map((collection) =>
    collection.slug === 'redirects' ? withInputChecks(collection) : collection,
  ),
})
