'use client'

import { Button, toast, useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import type React from 'react'
import { useState } from 'react'

import { requestJSON } from './shared'

/** Tells the nav badge to count again. */
export const NOTIFICATIONS_CHANGED = 'copydesk:notifications-changed'

/** Marks every unread notification of the signed-in person as read. */
export const MarkAllRead: React.FC = () => {
  const router = useRouter()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const [isBusy, setIsBusy] = useState(false)
  const markAll = async () => {
    setIsBusy(true)
    try {
      // Access limits the bulk update to the person's own notifications.
      await requestJSON(`${api}/notifications?where[isRead][equals]=false&limit=0`, {
        method: 'PATCH',
        body: JSON.stringify({ isRead: true }),
      })
      window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED))
      router.refresh()
    } catch (err) {
      toast.error(err instanceof Error ? err.message : 'Could not mark them read.')
    } finally {
      setIsBusy(false)
    }
  }
  return (
    <Button
      buttonStyle="secondary"
      size="small"
      margin={false}
      disabled={isBusy}
      onClick={() => void markAll()}
    >
      {isBusy ? 'Marking…' : 'Mark all read'}
    </Button>
  )
}
