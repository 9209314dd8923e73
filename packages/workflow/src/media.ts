import type { MaybeUser } from './roles.ts'
import type { Allowed, Refusal } from './transitions.ts'
import { isEditor, isStaff } from './roles.ts'

/** How an image is used, as far as the rule needs to know. */
export type MediaUse = {
  /** The person uploaded it. */
  isOwner: boolean
  /**
   * A published document shows it: the hero or social image of a live article, an image in a
   * live article's body, or a live author's avatar.
   */
  isUsedByLive: boolean
  /**
   * The latest version of a document a writer can no longer edit uses it: one in review,
   * approved, scheduled, published or archived. Changing the image would change what an
   * editor approved.
   */
  isUsedBeyondDrafts: boolean
}

const refuse = (reason: string): Refusal => ({ ok: false, code: 'forbidden', reason })

/**
 * Whether this person may replace (a new file, a new crop or focal point, new alt text or caption)
 * or delete an image. Editors and admins may change any image. Writers may change or delete
 * images they uploaded themselves, as long as nothing on the live site shows them and no story
 * past the draft stage uses them; anything else goes through an editor.
 *
 * @example
 * canChangeMedia({ user: { roles: ['writer'] }, use: { isOwner: true, isUsedByLive: true, isUsedBeyondDrafts: true } })
 * // { ok: false, code: 'forbidden', reason: 'This image is on the live site …' }
 */
export const canChangeMedia = ({
  user,
  use,
}: {
  user: MaybeUser
  use: MediaUse
}): Allowed | Refusal => {
  if (!isStaff({ user })) return refuse('Only newsroom staff can change or delete images.')
  if (isEditor({ user })) return { ok: true }
  if (use.isUsedByLive)
    return refuse(
      'This image is on the live site (in a published article or on a published author page); only an editor or admin can replace or delete it.',
    )
  if (use.isUsedBeyondDrafts)
    return refuse(
      'A story in review, approved, scheduled or archived uses this image; only an editor or admin can replace or delete it.',
    )
  if (!use.isOwner)
    return refuse(
      'Writers can replace or delete only images they uploaded themselves; ask an editor.',
    )
  return { ok: true }
}
