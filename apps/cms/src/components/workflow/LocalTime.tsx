'use client'

import type React from 'react'
import { useEffect, useState } from 'react'

import { formatDateTime } from './shared'

/**
 * A time in the reader's own time zone. Server views render before the zone is known, so the
 * first paint shows the date alone and the browser fills in the local time.
 */
export const LocalTime: React.FC<{ iso: string; className?: string }> = ({ iso, className }) => {
  const [text, setText] = useState(iso.slice(0, 10))
  useEffect(() => setText(formatDateTime(iso)), [iso])
  return (
    <time className={className} dateTime={iso}>
      {text}
    </time>
  )
}
