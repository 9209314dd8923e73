'use client'

import { Button, toast } from '@payloadcms/ui'
import type React from 'react'
import { useCallback, useEffect, useId, useState } from 'react'

import type { Reviewer } from './shared'
import { formatDateTime, idOf, requestJSON } from './shared'

type Comment = {
  id: string
  body: string
  parent?: unknown
  author?: unknown
  authorName?: string | null
  createdAt: string
}

type Thread = Comment & { replies: Comment[] }

const threadsOf = (comments: Comment[]): Thread[] => {
  const byId = new Map(comments.map((comment) => [comment.id, comment]))
  // Replies to replies join their root's thread: the sidebar is too narrow for deeper nesting.
  const rootOf = (comment: Comment): string => {
    let current = comment
    for (let depth = 0; depth < 20; depth++) {
      const parent = byId.get(idOf(current.parent) ?? '')
      if (!parent) return current.id
      current = parent
    }
    return current.id
  }
  const threads = new Map<string, Thread>()
  for (const comment of comments)
    if (rootOf(comment) === comment.id) threads.set(comment.id, { ...comment, replies: [] })
  for (const comment of comments) {
    const root = rootOf(comment)
    if (root !== comment.id) threads.get(root)?.replies.push(comment)
  }
  return [...threads.values()]
}

const Composer: React.FC<{
  label: string
  submitLabel: string
  onSubmit: (body: string) => Promise<boolean>
  onCancel?: () => void
  autoFocus?: boolean
}> = ({ label, submitLabel, onSubmit, onCancel, autoFocus }) => {
  const id = useId()
  const [body, setBody] = useState('')
  const [isSending, setIsSending] = useState(false)
  const send = async () => {
    if (!body.trim() || isSending) return
    setIsSending(true)
    if (await onSubmit(body.trim())) setBody('')
    setIsSending(false)
  }
  return (
    // Not a <form>: the panel already sits inside the document's form.
    <div className="wf-composer">
      <label className="wf-label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className="wf-textarea"
        rows={2}
        value={body}
        maxLength={4000}
        autoFocus={autoFocus}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
            event.preventDefault()
            void send()
          }
          if (event.key === 'Escape' && onCancel) onCancel()
        }}
      />
      <div className="wf-composer__actions">
        {onCancel && (
          <Button buttonStyle="subtle" size="small" margin={false} onClick={onCancel}>
            Cancel
          </Button>
        )}
        <Button
          buttonStyle="secondary"
          size="small"
          margin={false}
          disabled={!body.trim() || isSending}
          onClick={() => void send()}
        >
          {isSending ? 'Sending…' : submitLabel}
        </Button>
      </div>
    </div>
  )
}

/** Editorial comments on the document: staff-only notes, threaded by reply. */
export const Comments: React.FC<{
  api: string
  collection: string
  documentId: string
  currentUserId?: string
  reviewers: Reviewer[] | null
}> = ({ api, collection, documentId, currentUserId, reviewers }) => {
  const [comments, setComments] = useState<Comment[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [replyTo, setReplyTo] = useState<string | null>(null)

  const load = useCallback(async () => {
    const query = new URLSearchParams({
      'where[documentCollection][equals]': collection,
      'where[document][equals]': documentId,
      sort: 'createdAt',
      limit: '500',
      depth: '1',
    })
    try {
      const { docs } = await requestJSON<{ docs: Comment[] }>(`${api}/editorial-comments?${query}`)
      setComments(docs)
      setError(null)
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Comments could not be loaded.')
    }
  }, [api, collection, documentId])

  useEffect(() => {
    void load()
  }, [load])

  const post = async (body: string, parent?: string): Promise<boolean> => {
    try {
      await requestJSON(`${api}/editorial-comments`, {
        method: 'POST',
        body: JSON.stringify({
          documentCollection: collection,
          document: documentId,
          body,
          parent,
        }),
      })
      setReplyTo(null)
      await load()
      return true
    } catch (err) {
      toast.error(err instanceof Error ? err.message : 'The comment could not be saved.')
      return false
    }
  }

  const authorName = (author: unknown, storedName?: string | null): string => {
    const id = idOf(author)
    if (id && id === currentUserId) return 'You'
    if (storedName) return storedName
    if (author && typeof author === 'object' && 'name' in author && author.name)
      return String(author.name)
    return reviewers?.find((reviewer) => reviewer.id === id)?.name ?? 'A colleague'
  }

  const renderComment = (comment: Comment) => (
    <article
      className="wf-comment"
      aria-label={`Comment by ${authorName(comment.author, comment.authorName)}`}
    >
      <p className="wf-comment__meta">
        <strong>{authorName(comment.author, comment.authorName)}</strong>{' '}
        <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
      </p>
      <p className="wf-comment__body">{comment.body}</p>
    </article>
  )

  return (
    <div className="wf-comments">
      {error && <p className="wf-error">{error}</p>}
      {comments && comments.length === 0 && (
        <p className="wf-muted">No comments yet. Notes here are for staff only.</p>
      )}
      {comments && comments.length > 0 && (
        <ul className="wf-comments__list">
          {threadsOf(comments).map((thread) => (
            <li key={thread.id} className="wf-thread">
              {renderComment(thread)}
              {thread.replies.length > 0 && (
                <ul className="wf-thread__replies" aria-label="Replies">
                  {thread.replies.map((reply) => (
                    <li key={reply.id}>{renderComment(reply)}</li>
                  ))}
                </ul>
              )}
              {replyTo === thread.id ? (
                <Composer
                  label="Your reply"
                  submitLabel="Reply"
                  autoFocus
                  onSubmit={(body) => post(body, thread.id)}
                  onCancel={() => setReplyTo(null)}
                />
              ) : (
                <button
                  type="button"
                  className="wf-link-button"
                  onClick={() => setReplyTo(thread.id)}
                  aria-label={`Reply to ${authorName(thread.author, thread.authorName)}`}
                >
                  Reply
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <Composer label="Add a comment" submitLabel="Comment" onSubmit={(body) => post(body)} />
    </div>
  )
}
