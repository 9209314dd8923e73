'use client'

import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

import type { Reviewer, WorkflowInfo } from './shared'
import { RequestError, requestJSON } from './shared'

// The panel and the action buttons live in different parts of the edit view; a transition taken
// by one tells the other to fetch again.
const listeners = new Set<() => void>()

/** Tells every mounted workflow component that the document's workflow changed. */
export const announceWorkflowChange = (): void => {
  for (const listener of listeners) listener()
}

/**
 * The document's workflow as the server sees it for this person: state, allowed actions,
 * history. Fetched again after every save of the form and after every transition.
 */
export const useWorkflowInfo = () => {
  const { id, collectionSlug, lastUpdateTime } = useDocumentInfo()
  const {
    config: {
      routes: { api, admin },
    },
  } = useConfig()
  const base = id && collectionSlug ? `${api}/${collectionSlug}/${id}` : null
  const [info, setInfo] = useState<WorkflowInfo | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async () => {
    if (!base) return
    try {
      setInfo(await requestJSON<WorkflowInfo>(`${base}/workflow`))
      setError(null)
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The workflow could not be loaded.')
    }
  }, [base])

  useEffect(() => {
    void load()
  }, [load, lastUpdateTime])

  useEffect(() => {
    const listener = () => void load()
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  }, [load])

  return {
    info,
    error,
    reload: load,
    api,
    base,
    adminRoute: admin,
    collection: collectionSlug,
    id,
  }
}

const reviewerRequests = new Map<string, Promise<Reviewer[]>>()

/** Editors and admins who can review, by name; fetched once per page. */
export const useReviewers = (base: string | null): Reviewer[] | null => {
  const [reviewers, setReviewers] = useState<Reviewer[] | null>(null)
  useEffect(() => {
    if (!base) return
    const url = `${base}/reviewers`
    let request = reviewerRequests.get(url)
    if (!request) {
      request = requestJSON<Reviewer[]>(url).catch(() => {
        reviewerRequests.delete(url)
        return []
      })
      reviewerRequests.set(url, request)
    }
    let isCurrent = true
    void request.then((list) => {
      if (isCurrent) setReviewers(list.map((r) => ({ id: String(r.id), name: r.name })))
    })
    return () => {
      isCurrent = false
    }
  }, [base])
  return reviewers
}

/**
 * Polls an optional endpoint. A 404 means it does not exist (yet) on this server: the caller
 * hides what it would show.
 */
export const usePolled = <T>(url: string | null, intervalMs: number | ((data: T) => number)) => {
  const [data, setData] = useState<T | null>(null)
  const [isMissing, setIsMissing] = useState(false)
  useEffect(() => {
    if (!url) return
    let timer: ReturnType<typeof setTimeout> | undefined
    let isCurrent = true
    const tick = async () => {
      try {
        const next = await requestJSON<T>(url)
        if (!isCurrent) return
        setData(next)
        setIsMissing(false)
        const wait = typeof intervalMs === 'function' ? intervalMs(next) : intervalMs
        if (wait > 0) timer = setTimeout(() => void tick(), wait)
      } catch (err) {
        if (!isCurrent) return
        if (err instanceof RequestError && (err.status === 404 || err.status === 405)) {
          setIsMissing(true)
          return
        }
        timer = setTimeout(() => void tick(), 10_000)
      }
    }
    void tick()
    return () => {
      isCurrent = false
      if (timer) clearTimeout(timer)
    }
  }, [url, intervalMs])
  return { data, isMissing }
}
