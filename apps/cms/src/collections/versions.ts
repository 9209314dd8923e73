import type { CollectionConfig } from 'payload'

/** Drafts, autosave and a bounded history: shared by every editorial collection. */
export const versionsWithDrafts: CollectionConfig['versions'] = {
  drafts: {
    autosave: { interval: 800 },
  },
  maxPerDoc: 100,
}
