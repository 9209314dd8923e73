'use client'

import { Button, toast, useDocumentInfo, useForm, useFormModified, useModal } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import type React from 'react'
import { useState } from 'react'

import type { WorkflowState } from '@copydesk/workflow/states'
import type { TransitionRule } from '@copydesk/workflow/transitions'
import { STATE_LABELS } from '@copydesk/workflow/states'

import type { TransitionInput } from './TransitionDialog'
import { needsDialog, TransitionDialog, transitionModalSlug } from './TransitionDialog'
import type { WorkflowInfo } from './shared'
import { requestJSON } from './shared'
import { announceWorkflowChange, useReviewers, useWorkflowInfo } from './useWorkflowInfo'

import './workflow.scss'

type TransitionOutcome = { id: string; from: WorkflowState; to: WorkflowState; action: string }

const buttonStyleOf = (tone: TransitionRule['tone']) =>
  tone === 'primary' ? 'primary' : 'secondary'

/**
 * Replaces Payload's Publish button: one button per transition this person may take now, exactly
 * the server's `availableTransitions`. Unsaved edits are saved as a draft first, so the decision
 * is taken on what the person sees.
 */
export const WorkflowActions: React.FC = () => {
  const router = useRouter()
  const { submit } = useForm()
  const isModified = useFormModified()
  const {
    collectionSlug,
    id,
    incrementVersionCount,
    setHasPublishedDoc,
    setMostRecentVersionIsAutosaved,
    setUnpublishedVersionCount,
  } = useDocumentInfo()
  const { info, api, base } = useWorkflowInfo()
  const reviewers = useReviewers(info?.available.some((rule) => rule.needsReviewer) ? base : null)
  const { openModal } = useModal()
  const [active, setActive] = useState<TransitionRule | null>(null)
  const [busyAction, setBusyAction] = useState<string | null>(null)
  const [goesLive, setGoesLive] = useState<WorkflowInfo['goesLive'] | null>(null)

  if (!id || !base || !info || info.available.length === 0) return null

  const saveDraft = async (): Promise<boolean> => {
    const result = await submit({
      action: `${api}/${collectionSlug}/${id}?depth=0&draft=true`,
      method: 'PATCH',
      overrides: { _status: 'draft' },
      skipValidation: true,
      disableSuccessStatus: true,
    })
    return Boolean(result && result.res.ok)
  }

  const perform = async (input: TransitionInput) => {
    const outcome = await requestJSON<TransitionOutcome>(`${base}/workflow`, {
      method: 'POST',
      body: JSON.stringify(input),
    })
    const rule = info.available.find((candidate) => candidate.action === input.action)
    const done = rule ? rule.done[0]?.toUpperCase() + rule.done.slice(1) : 'Done'
    const stateLabel = STATE_LABELS[outcome.to].toLowerCase()
    toast.success(
      done.toLowerCase().includes(stateLabel) ? `${done}.` : `${done}: now ${stateLabel}.`,
    )
    // Payload's own status line ("Published", "Changed") keeps its state on the client.
    const next = await requestJSON<WorkflowInfo>(`${base}/workflow`).catch(() => null)
    if (next) setHasPublishedDoc(next.isLive)
    if (outcome.to === 'published') setUnpublishedVersionCount(0)
    setMostRecentVersionIsAutosaved(false)
    incrementVersionCount()
    announceWorkflowChange()
    // The server changed the state (and maybe the reviewer and schedule): reload the form from it.
    router.refresh()
  }

  const start = async (rule: TransitionRule) => {
    setBusyAction(rule.action)
    try {
      if (isModified && !(await saveDraft())) return
      if (needsDialog({ rule })) {
        // Read again after the save above, so the confirmation shows what will really go live.
        if (rule.action === 'publish')
          setGoesLive((await requestJSON<WorkflowInfo>(`${base}/workflow`)).goesLive)
        setActive(rule)
        openModal(transitionModalSlug)
        return
      }
      await perform({ action: rule.action })
    } catch (err) {
      toast.error(err instanceof Error ? err.message : 'The action failed.')
    } finally {
      setBusyAction(null)
    }
  }

  return (
    <div className="wf-actions" role="group" aria-label="Workflow actions">
      {isModified && <span className="wf-actions__hint">Unsaved changes are saved first</span>}
      {info.available.map((rule) => (
        <Button
          key={rule.action}
          buttonStyle={buttonStyleOf(rule.tone)}
          size="medium"
          margin={false}
          className={`wf-actions__button${rule.tone === 'danger' ? ' wf-danger' : ''}`}
          disabled={busyAction !== null}
          tooltip={rule.explanation}
          onClick={() => void start(rule)}
        >
          {busyAction === rule.action ? `${rule.label}…` : rule.label}
        </Button>
      ))}
      <TransitionDialog
        rule={active}
        hasPendingRevision={info.hasPendingRevision}
        reviewers={reviewers}
        goesLive={goesLive}
        onConfirm={perform}
        onClose={() => setActive(null)}
      />
    </div>
  )
}
