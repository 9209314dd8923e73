'use client'

import { useConfig, useDocumentInfo, useForm, useFormFields } from '@payloadcms/ui'
import type React from 'react'
import { useEffect, useRef } from 'react'

import './workflow.scss'

// Autosave's pause after typing, so the first save feels like every later one.
const FIRST_SAVE_DELAY_MS = 800

/**
 * On "Create New", saves the new document as a draft once it has its title, after which Payload
 * opens it at its own URL and autosave takes over. Until then nothing is stored: opening the form
 * and leaving creates nothing (the collections validate drafts, which stops Payload from saving
 * an empty draft as the form opens).
 */
export const FirstDraftSave: React.FC<{ titleLabel: string }> = ({ titleLabel }) => {
  const { id, collectionSlug, docConfig } = useDocumentInfo()
  const { submit } = useForm()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const titleField =
    docConfig && 'useAsTitle' in docConfig.admin ? String(docConfig.admin.useAsTitle) : 'id'
  const title = useFormFields(([fields]) => fields[titleField]?.value)
  const hasTitle = typeof title === 'string' && title.trim().length > 0
  const saving = useRef(false)

  useEffect(() => {
    if (id || !collectionSlug || !hasTitle || saving.current) return
    const timer = setTimeout(() => {
      saving.current = true
      void submit({
        action: `${api}/${collectionSlug}?depth=0&draft=true`,
        method: 'POST',
        overrides: { _status: 'draft' },
        skipValidation: true,
        disableSuccessStatus: true,
      })
        .then((result) => {
          if (!result?.res.ok) saving.current = false
        })
        .catch(() => {
          saving.current = false
        })
    }, FIRST_SAVE_DELAY_MS)
    return () => clearTimeout(timer)
  }, [api, collectionSlug, hasTitle, id, submit, title])

  if (id) return null
  return (
    <p className="wf-first-save" data-testid="first-save-hint">
      Nothing is saved until it has a {titleLabel}; then it is kept as a draft.
    </p>
  )
}
