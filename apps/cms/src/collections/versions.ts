import type { CollectionConfig } from 'payload'

/**
 * Drafts, autosave and a bounded history: shared by every editorial collection.
 *
 * `validate: true` is what stops the admin from creating a document the moment someone opens
 * "Create New" (Payload saves an empty draft on open when autosave is on and drafts are not
 * validated), which left an "Untitled" draft on every list and the Board. The new form is saved
 * once it has its title (`FirstDraftSave`), and from then on autosave works as before. A draft
 * therefore needs its required fields (a headline, a question, a name); the publish rules still
 * apply only when it goes live.
 */
export const versionsWithDrafts: CollectionConfig['versions'] = {
  drafts: {
    autosave: { interval: 800 },
    validate: true,
  },
  maxPerDoc: 100,
}
