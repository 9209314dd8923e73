'use client'

import { Button, Modal, useModal } from '@payloadcms/ui'
import type React from 'react'
import { useEffect, useId, useState } from 'react'

import type { TransitionRule } from '@copydesk/workflow/transitions'

import type { FieldProblem, Reviewer, WorkflowInfo } from './shared'
import { formatDateTime, RequestError } from './shared'

export type TransitionInput = {
  action: TransitionRule['action']
  note?: string
  reviewer?: string
  publishAt?: string
  unpublishAt?: string
  correctionNote?: string
}

/**
 * Whether taking this action asks the person for anything before it is sent. Publishing always
 * asks once, showing what goes live, where and under whose name.
 */
export const needsDialog = ({ rule }: { rule: TransitionRule }): boolean =>
  Boolean(rule.needsNote || rule.needsReviewer || rule.needsPublishAt || rule.action === 'publish')

const INTRO: Partial<Record<TransitionRule['action'], string>> = {
  submit:
    'Choose the editor who should review it. They are notified and it appears in their queue.',
  request_changes: 'Say what needs to change. The writer is notified with your note.',
  schedule:
    'Choose when it goes live. It stays approved until then; editing it cancels the approval.',
  unpublish: 'It comes off the reader site. Say why: the note stays in the history.',
}

const REVISION_NOTE =
  'This revision replaces the live version. If readers should know what changed, add a public correction note.'

/** `<input type="datetime-local">` speaks local wall-clock time without a zone. */
const toLocalInput = (date: Date): string => {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000)
  return local.toISOString().slice(0, 16)
}

const nextFullHour = (): Date => {
  const date = new Date(Date.now() + 60 * 60_000)
  date.setMinutes(0, 0, 0)
  return date
}

const toISO = (value: string): string | undefined => {
  if (!value) return undefined
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? value : date.toISOString()
}

export const transitionModalSlug = 'workflow-transition'

/** What goes live when the editor confirms: headline, reader URL, byline and time. */
const PublishSummary: React.FC<{
  goesLive: WorkflowInfo['goesLive'] | null
  isRevision: boolean
}> = ({ goesLive, isRevision }) => (
  <>
    <p className="wf-dialog__intro">
      {isRevision ? REVISION_NOTE : 'This goes on the reader site as soon as you confirm.'}
    </p>
    <dl className="wf-facts wf-dialog__summary" data-testid="publish-summary">
      <div>
        <dt>Headline</dt>
        <dd>{goesLive?.headline ?? '…'}</dd>
      </div>
      {goesLive?.url && (
        <div>
          <dt>URL</dt>
          <dd className="wf-dialog__url">{goesLive.url}</dd>
        </div>
      )}
      {goesLive && goesLive.byline.length > 0 && (
        <div>
          <dt>Byline</dt>
          <dd>{goesLive.byline.join(', ')}</dd>
        </div>
      )}
      <div>
        <dt>Goes live</dt>
        <dd>Now ({formatDateTime(new Date().toISOString())})</dd>
      </div>
    </dl>
  </>
)

/**
 * Asks for what a transition needs (a note, a reviewer, a time, a correction note) and shows the
 * server's reason inline when it refuses. Payload's Modal traps focus and closes on Escape.
 */
export const TransitionDialog: React.FC<{
  rule: TransitionRule | null
  hasPendingRevision: boolean
  reviewers: Reviewer[] | null
  /** What a publish puts on the site, read just before the dialog opens. */
  goesLive?: WorkflowInfo['goesLive'] | null
  onConfirm: (input: TransitionInput) => Promise<void>
  onClose: () => void
}> = ({ rule, hasPendingRevision, reviewers, goesLive, onConfirm, onClose }) => {
  const ids = useId()
  const { closeModal } = useModal()
  const [note, setNote] = useState('')
  const [reviewer, setReviewer] = useState('')
  const [publishAt, setPublishAt] = useState('')
  const [unpublishAt, setUnpublishAt] = useState('')
  const [correctionNote, setCorrectionNote] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [fieldProblems, setFieldProblems] = useState<FieldProblem[]>([])
  const [isSending, setIsSending] = useState(false)

  useEffect(() => {
    setNote('')
    setReviewer('')
    setPublishAt(toLocalInput(nextFullHour()))
    setUnpublishAt('')
    setCorrectionNote('')
    setProblem(null)
    setFieldProblems([])
  }, [rule])

  if (!rule) return null
  const showsCorrection = rule.action === 'publish' && hasPendingRevision
  const problemFor = (path: string) => fieldProblems.find((p) => p.path === path)?.message

  const close = () => {
    closeModal(transitionModalSlug)
    onClose()
  }

  const send = async (event: React.FormEvent) => {
    // The dialog is portalled, but React still bubbles its submit to the document's form.
    event.preventDefault()
    event.stopPropagation()
    if (isSending) return
    const missing: FieldProblem[] = []
    if (rule.needsNote && !note.trim())
      missing.push({ path: 'note', message: 'A note is required.' })
    if (rule.needsReviewer && !reviewer)
      missing.push({ path: 'reviewer', message: 'Choose an editor to review it.' })
    if (rule.needsPublishAt && !publishAt)
      missing.push({ path: 'publishAt', message: 'Choose a date and time to publish.' })
    setFieldProblems(missing)
    setProblem(null)
    if (missing.length > 0) return
    setIsSending(true)
    try {
      await onConfirm({
        action: rule.action,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(reviewer ? { reviewer } : {}),
        ...(rule.needsPublishAt ? { publishAt: toISO(publishAt) } : {}),
        ...(rule.needsPublishAt && unpublishAt ? { unpublishAt: toISO(unpublishAt) } : {}),
        ...(showsCorrection && correctionNote.trim()
          ? { correctionNote: correctionNote.trim() }
          : {}),
      })
      close()
    } catch (err) {
      if (err instanceof RequestError && err.fieldProblems.length > 0) {
        setFieldProblems(err.fieldProblems)
        const unplaced = err.fieldProblems.filter(
          (p) =>
            !['note', 'reviewer', 'publishAt', 'unpublishAt', 'correctionNote'].includes(p.path),
        )
        setProblem(unplaced.length > 0 ? unplaced.map((p) => p.message).join(' ') : null)
      } else setProblem(err instanceof Error ? err.message : 'Something went wrong. Try again.')
    } finally {
      setIsSending(false)
    }
  }

  const fieldProps = (path: string) => {
    const message = problemFor(path)
    return {
      id: `${ids}-${path}`,
      'aria-invalid': message ? true : undefined,
      'aria-describedby': message ? `${ids}-${path}-error` : undefined,
    }
  }
  const FieldError = ({ path }: { path: string }) => {
    const message = problemFor(path)
    return message ? (
      <p className="wf-field__error" id={`${ids}-${path}-error`}>
        {message}
      </p>
    ) : null
  }

  const noteLabel = rule.needsNote
    ? rule.action === 'unpublish'
      ? 'Why it comes off the site'
      : 'What needs to change'
    : 'Note (optional)'

  return (
    <Modal
      slug={transitionModalSlug}
      className="wf-dialog"
      closeOnBlur={false}
      onClose={onClose}
      aria-labelledby={`${ids}-title`}
      aria-modal="true"
    >
      <div className="wf-dialog__wrapper">
        <form className="wf-dialog__form" onSubmit={(event) => void send(event)} noValidate>
          <h2 className="wf-dialog__title" id={`${ids}-title`}>
            {rule.label}
          </h2>
          {INTRO[rule.action] && <p className="wf-dialog__intro">{INTRO[rule.action]}</p>}
          {rule.action === 'publish' && (
            <PublishSummary goesLive={goesLive ?? null} isRevision={showsCorrection} />
          )}
          {problem && (
            <div className="wf-dialog__problem" role="alert">
              {problem}
            </div>
          )}
          {rule.needsReviewer && (
            <div className="wf-field">
              <label className="wf-label" htmlFor={`${ids}-reviewer`}>
                Reviewer <span aria-hidden="true">*</span>
              </label>
              <select
                {...fieldProps('reviewer')}
                className="wf-select"
                required
                value={reviewer}
                onChange={(event) => setReviewer(event.target.value)}
              >
                <option value="">{reviewers ? 'Choose an editor…' : 'Loading editors…'}</option>
                {reviewers?.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.name}
                  </option>
                ))}
              </select>
              <FieldError path="reviewer" />
            </div>
          )}
          {rule.needsPublishAt && (
            <div className="wf-field-row">
              <div className="wf-field">
                <label className="wf-label" htmlFor={`${ids}-publishAt`}>
                  Publish at <span aria-hidden="true">*</span>
                </label>
                <input
                  {...fieldProps('publishAt')}
                  className="wf-input"
                  type="datetime-local"
                  required
                  value={publishAt}
                  onChange={(event) => setPublishAt(event.target.value)}
                />
                <FieldError path="publishAt" />
              </div>
              <div className="wf-field">
                <label className="wf-label" htmlFor={`${ids}-unpublishAt`}>
                  Take off the site at (optional)
                </label>
                <input
                  {...fieldProps('unpublishAt')}
                  className="wf-input"
                  type="datetime-local"
                  value={unpublishAt}
                  onChange={(event) => setUnpublishAt(event.target.value)}
                />
                <FieldError path="unpublishAt" />
              </div>
            </div>
          )}
          {(rule.needsNote || rule.needsReviewer || rule.needsPublishAt) && (
            <div className="wf-field">
              <label className="wf-label" htmlFor={`${ids}-note`}>
                {noteLabel}
                {rule.needsNote && <span aria-hidden="true"> *</span>}
              </label>
              <textarea
                {...fieldProps('note')}
                className="wf-textarea"
                rows={4}
                required={rule.needsNote}
                value={note}
                onChange={(event) => setNote(event.target.value)}
              />
              <FieldError path="note" />
            </div>
          )}
          {showsCorrection && (
            <div className="wf-field">
              <label className="wf-label" htmlFor={`${ids}-correctionNote`}>
                Public correction note (optional)
              </label>
              <textarea
                {...fieldProps('correctionNote')}
                className="wf-textarea"
                rows={3}
                value={correctionNote}
                onChange={(event) => setCorrectionNote(event.target.value)}
              />
              <p className="wf-field__help">
                Shown to readers with today’s date under the article.
              </p>
              <FieldError path="correctionNote" />
            </div>
          )}
          <div className="wf-dialog__controls">
            <Button
              buttonStyle="secondary"
              size="large"
              margin={false}
              onClick={close}
              disabled={isSending}
            >
              Cancel
            </Button>
            <Button
              type="submit"
              buttonStyle="primary"
              className={rule.tone === 'danger' ? 'wf-danger' : undefined}
              size="large"
              margin={false}
              disabled={isSending}
            >
              {isSending ? 'Working…' : rule.label}
            </Button>
          </div>
        </form>
      </div>
    </Modal>
  )
}
