import { describe, expect, it } from 'vitest'

import { databaseFieldErrors } from './databaseErrors'

describe('databaseFieldErrors', () => {
  it('reads the fields out of a Mongoose validation error', () => {
    const error = Object.assign(new Error('articles validation failed'), {
      name: 'ValidationError',
      errors: {
        publishedAt: { name: 'CastError', path: 'publishedAt', kind: 'date', value: 'soon' },
        'hero.image': { name: 'CastError', path: 'image', kind: 'ObjectId', value: { $gt: '' } },
      },
    })
    expect(databaseFieldErrors(error)).toEqual([
      { path: 'publishedAt', message: 'Expected a date, got text.' },
      { path: 'hero.image', message: 'Expected an id, got an object.' },
    ])
  })

  it('reads a cast error and a malformed id', () => {
    const cast = Object.assign(new Error('Cast failed'), {
      name: 'CastError',
      path: 'title',
      kind: 'string',
      value: [1],
    })
    expect(databaseFieldErrors(cast)).toEqual([
      { path: 'title', message: 'Expected text, got a list.' },
    ])
    const bson = Object.assign(new Error('input must be a 24 character hex string'), {
      name: 'BSONError',
    })
    expect(databaseFieldErrors(bson)).toEqual([
      { path: 'id', message: expect.stringMatching(/not a valid id/) },
    ])
  })

  it('leaves Payload’s own validation errors and everything else alone', () => {
    const payloadError = Object.assign(new Error('invalid'), {
      name: 'ValidationError',
      data: { errors: [{ path: 'title', message: 'Required' }] },
      errors: {},
    })
    expect(databaseFieldErrors(payloadError)).toBeUndefined()
    expect(databaseFieldErrors(new TypeError('x is not a function'))).toBeUndefined()
    expect(databaseFieldErrors('text')).toBeUndefined()
  })
})
