import { describe, expect, it } from 'vitest'

import { errorAnswer, RETRY_AFTER_SECONDS } from './errorAnswers'

describe('errorAnswer', () => {
  it('leaves every answer below 500 alone, CMS up or down', () => {
    for (const status of [200, 304, 404, 410])
      for (const isCmsUnreachable of [true, false])
        expect(errorAnswer({ status, isCmsUnreachable })).toBeNull()
  })

  it('turns a 500 into a 503 with Retry-After while the CMS is unreachable', () => {
    expect(errorAnswer({ status: 500, isCmsUnreachable: true })).toEqual({
      status: 503,
      headers: {
        'cache-control': 'private, no-cache, no-store, max-age=0, must-revalidate',
        'retry-after': String(RETRY_AFTER_SECONDS),
      },
    })
  })

  it('keeps other server errors, but never lets a shared cache store them', () => {
    for (const status of [500, 502, 504]) {
      const answer = errorAnswer({ status, isCmsUnreachable: false })
      expect(answer?.status).toBe(status)
      expect(answer?.headers['cache-control']).toMatch(/^private, .*no-store/)
      expect(answer?.headers).not.toHaveProperty('retry-after')
    }
  })
})
