import { describe, expect, it } from 'vitest'

import { graphqlStatus } from './graphqlStatus'

describe('graphqlStatus', () => {
  it('answers the status of the errors when the whole operation failed for bad input', () => {
    const body = { data: { createArticle: null }, errors: [{ extensions: { statusCode: 400 } }] }
    expect(graphqlStatus({ body, status: 200 })).toBe(400)
    expect(graphqlStatus({ body: { errors: [{}] }, status: 200 })).toBe(400)
    const forbidden = {
      data: { updateArticle: null },
      errors: [{ extensions: { statusCode: 403 } }],
    }
    expect(graphqlStatus({ body: forbidden, status: 200 })).toBe(403)
  })

  it('keeps 200 for partial results and successes, and leaves server errors alone', () => {
    const partial = {
      data: { a: { id: '1' }, b: null },
      errors: [{ extensions: { statusCode: 400 } }],
    }
    expect(graphqlStatus({ body: partial, status: 200 })).toBe(200)
    expect(graphqlStatus({ body: { data: { a: { id: '1' } } }, status: 200 })).toBe(200)
    const crash = { data: { a: null }, errors: [{ extensions: { statusCode: 500 } }] }
    expect(graphqlStatus({ body: crash, status: 200 })).toBe(200)
    expect(graphqlStatus({ body: { errors: [{}] }, status: 415 })).toBe(415)
  })

  it('answers 503 when every error was the database being unreachable', () => {
    const down = { data: { Articles: null }, errors: [{ extensions: { statusCode: 503 } }] }
    expect(graphqlStatus({ body: down, status: 200 })).toBe(503)
    const mixed = {
      data: { a: null, b: null },
      errors: [{ extensions: { statusCode: 503 } }, { extensions: { statusCode: 500 } }],
    }
    expect(graphqlStatus({ body: mixed, status: 200 })).toBe(200)
  })
})
