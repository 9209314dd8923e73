'use client'

import type { ClientUser } from 'payload'
import { useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useRef } from 'react'

import type { WorkflowInfo } from './shared'

const idOf = (editor: unknown): string | null => {
  if (typeof editor === 'string' || typeof editor === 'number') return String(editor)
  if (editor && typeof editor === 'object' && 'id' in editor) return String(editor.id)
  return null
}

/**
 * Names the holder in Payload's "Document locked". The modal prints the holder's email, or their
 * id when the account cannot be read, and staff may read only their own account: the workflow
 * info carries the holder's name, which is handed to the modal in the place it prints.
 */
export const useLockHolderName = ({
  info,
  reload,
}: {
  info: WorkflowInfo | null
  reload: () => Promise<void>
}): void => {
  const { currentEditor, setCurrentEditor } = useDocumentInfo()
  const editorId = idOf(currentEditor)
  const holder = info?.lockedBy ?? null
  const shown =
    currentEditor && typeof currentEditor === 'object' ? (currentEditor.email ?? null) : null

  const askedFor = useRef<string | null>(null)

  useEffect(() => {
    if (!editorId || !info) return
    if (holder?.id !== editorId) {
      // A lock taken after the info was loaded: ask once more who holds it.
      if (askedFor.current !== editorId) {
        askedFor.current = editorId
        void reload()
      }
      return
    }
    if (shown === holder.name || !setCurrentEditor) return
    setCurrentEditor({ id: holder.id, email: holder.name } as ClientUser)
  }, [editorId, holder, info, reload, setCurrentEditor, shown])
}
