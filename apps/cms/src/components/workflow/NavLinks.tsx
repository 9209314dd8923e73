'use client'

import { useConfig } from '@payloadcms/ui'
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import type React from 'react'
import { useEffect, useState } from 'react'

import { NOTIFICATIONS_CHANGED } from './MarkAllRead'
import { requestJSON } from './shared'

import './workflow.scss'

const POLL_MS = 30_000

const useUnreadCount = (api: string): number | null => {
  const [count, setCount] = useState<number | null>(null)
  useEffect(() => {
    let isCurrent = true
    const load = async () => {
      try {
        const { totalDocs } = await requestJSON<{ totalDocs: number }>(
          `${api}/notifications?where[isRead][equals]=false&limit=0&depth=0`,
        )
        if (isCurrent) setCount(totalDocs)
      } catch {
        // The badge is a convenience; the queue view lists the notifications either way.
      }
    }
    void load()
    const timer = setInterval(() => void load(), POLL_MS)
    window.addEventListener(NOTIFICATIONS_CHANGED, load)
    return () => {
      isCurrent = false
      clearInterval(timer)
      window.removeEventListener(NOTIFICATIONS_CHANGED, load)
    }
  }, [api])
  return count
}

const NavLink: React.FC<{ href: string; id: string; children: React.ReactNode }> = ({
  href,
  id,
  children,
}) => {
  const pathname = usePathname()
  const isActive = pathname === href
  return (
    <Link
      className="nav__link"
      href={href}
      id={id}
      prefetch={false}
      aria-current={isActive ? 'page' : undefined}
    >
      {isActive && <div className="nav__link-indicator" />}
      <span className="nav__link-label">{children}</span>
    </Link>
  )
}

/**
 * "My queue", "Board" and "Calendar", first in the navigation and outside the collapsible groups. The unread
 * badge is in the top bar (HeaderLinks), in view whether or not the navigation is open.
 */
export const NavLinks: React.FC = () => {
  const {
    config: {
      routes: { admin },
    },
  } = useConfig()
  return (
    <nav className="wf-nav-desk" aria-labelledby="wf-nav-desk-label">
      <p className="wf-nav-desk__label" id="wf-nav-desk-label">
        Editorial desk
      </p>
      <NavLink href={`${admin}/queue`} id="nav-queue">
        My queue
      </NavLink>
      <NavLink href={`${admin}/board`} id="nav-board">
        Board
      </NavLink>
      <NavLink href={`${admin}/calendar`} id="nav-calendar">
        Calendar
      </NavLink>
    </nav>
  )
}

/**
 * "My queue" (with the unread badge), "Board" and "Calendar" in the top bar of every admin page, so they are
 * in view whether or not the navigation is open.
 */
export const HeaderLinks: React.FC = () => {
  const {
    config: {
      routes: { admin, api },
    },
  } = useConfig()
  const unread = useUnreadCount(api)
  return (
    <nav className="wf-header-links" aria-label="Editorial desk shortcuts">
      <Link
        className="wf-header-links__link"
        href={`${admin}/queue`}
        id="header-queue"
        prefetch={false}
      >
        My queue
        {unread ? (
          <span className="wf-nav-badge" aria-label={`${unread} unread notifications`}>
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </Link>
      <Link
        className="wf-header-links__link"
        href={`${admin}/board`}
        id="header-board"
        prefetch={false}
      >
        Board
      </Link>
      <Link
        className="wf-header-links__link"
        href={`${admin}/calendar`}
        id="header-calendar"
        prefetch={false}
      >
        Calendar
      </Link>
    </nav>
  )
}
