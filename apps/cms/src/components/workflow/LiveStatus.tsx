'use client'

import { Button, toast } from '@payloadcms/ui'
import type React from 'react'
import { useState } from 'react'

import { RequestError, formatClock, requestJSON } from './shared'
import { usePolled } from './useWorkflowInfo'

type LiveAnswer = {
  status: 'live' | 'pending' | 'failed' | 'not_published'
  confirmedAt?: string
  message?: string
}

// Poll quickly while the reader site is catching up, slowly once it has answered.
const pollAfter = (answer: LiveAnswer): number => (answer.status === 'pending' ? 1_500 : 30_000)

/**
 * Whether readers see this version yet, as the reader site confirms it. Hidden on servers that do
 * not have the endpoint, and for documents that were never published.
 */
export const LiveStatus: React.FC<{ base: string; refreshKey: string }> = ({
  base,
  refreshKey,
}) => {
  const { data, isMissing } = usePolled<LiveAnswer>(
    `${base}/live?k=${encodeURIComponent(refreshKey)}`,
    pollAfter,
  )
  if (isMissing || !data || data.status === 'not_published') return null
  return (
    <div className={`wf-live wf-live--${data.status}`} data-testid="live-status" role="status">
      {data.status === 'live' && (
        <>
          <span className="wf-live__icon" aria-hidden="true">
            ●
          </span>
          <span>
            Live on site since{' '}
            {data.confirmedAt ? (
              <time dateTime={data.confirmedAt}>{formatClock(data.confirmedAt)}</time>
            ) : (
              'now'
            )}
          </span>
        </>
      )}
      {data.status === 'pending' && (
        <>
          <span className="wf-spinner" aria-hidden="true" />
          <span>Waiting for the reader site…</span>
        </>
      )}
      {data.status === 'failed' && (
        <>
          <span className="wf-live__icon" aria-hidden="true">
            !
          </span>
          <span>
            The reader site has not confirmed this version.
            {data.message ? ` ${data.message}` : ' It will retry automatically.'}
          </span>
        </>
      )}
    </div>
  )
}

/** Opens the reader site's draft preview of this document in a new tab. */
export const PreviewButton: React.FC<{ base: string }> = ({ base }) => {
  // Asked once up front so the button only appears on servers that can preview.
  const { isMissing } = usePolled<{ url: string }>(`${base}/preview-url`, 0)
  const [isHidden, setIsHidden] = useState(false)
  const [isOpening, setIsOpening] = useState(false)
  if (isHidden || isMissing) return null
  const open = async () => {
    // Open the tab inside the click so pop-up blockers allow it, then point it at the URL.
    const tab = window.open('about:blank', '_blank')
    setIsOpening(true)
    try {
      const { url } = await requestJSON<{ url: string }>(`${base}/preview-url`)
      if (tab) {
        tab.opener = null
        tab.location.href = url
      } else window.open(url, '_blank', 'noopener')
    } catch (err) {
      tab?.close()
      if (err instanceof RequestError && err.status === 404) setIsHidden(true)
      else toast.error(err instanceof Error ? err.message : 'The preview could not be opened.')
    } finally {
      setIsOpening(false)
    }
  }
  return (
    <Button
      buttonStyle="secondary"
      size="small"
      className="wf-preview"
      onClick={() => void open()}
      disabled={isOpening}
      aria-label="Preview the latest draft on the reader site (opens in a new tab)"
      margin={false}
    >
      {isOpening ? 'Opening preview…' : 'Preview'}
    </Button>
  )
}
