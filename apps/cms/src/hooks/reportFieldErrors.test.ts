import type { AfterErrorHookArgs } from 'payload'
import { describe, expect, it } from 'vitest'

import { reportFieldErrors } from './reportFieldErrors'

const castError = () =>
  Object.assign(new Error('articles validation failed'), {
    name: 'ValidationError',
    errors: { publishedAt: { name: 'CastError', path: 'publishedAt', kind: 'date', value: 'x' } },
  })

const run = (args: Partial<AfterErrorHookArgs>) =>
  reportFieldErrors({ context: {}, req: {} as never, error: new Error(), ...args })

describe('reportFieldErrors', () => {
  it('turns a database cast error into a 400 naming the field, over REST', () => {
    expect(
      run({ error: castError(), result: { errors: [{ message: 'Something went wrong.' }] } }),
    ).toEqual({
      status: 400,
      response: {
        errors: [
          {
            name: 'ValidationError',
            message: 'The following field is invalid: publishedAt',
            data: { errors: [{ path: 'publishedAt', message: 'Expected a date, got text.' }] },
          },
        ],
      },
    })
  })

  it('does the same for GraphQL, where the error wraps the cause', () => {
    const wrapped = Object.assign(new Error('Something went wrong.'), {
      originalError: castError(),
    })
    const result = run({
      error: wrapped,
      graphqlResult: { message: 'Something went wrong.', extensions: { statusCode: 500 } },
    })
    expect(result).toEqual({
      graphqlResult: {
        message: 'The following field is invalid: publishedAt',
        extensions: {
          name: 'ValidationError',
          statusCode: 400,
          data: { errors: [{ path: 'publishedAt', message: 'Expected a date, got text.' }] },
        },
      },
    })
  })

  it('names a field-error 400 a ValidationError on GraphQL whatever the bundler called its class', () => {
    const minified = Object.assign(new Error('The following field is invalid: title'), {
      name: 'a',
      status: 400,
      data: { errors: [{ path: 'title', message: 'Expected text, got a number.' }] },
    })
    const result = run({
      error: Object.assign(new Error(minified.message), { originalError: minified }),
      graphqlResult: { message: minified.message, extensions: { name: 'a', statusCode: 400 } },
    })
    expect(result).toEqual({
      graphqlResult: {
        message: minified.message,
        extensions: { name: 'ValidationError', statusCode: 400 },
      },
    })
  })
})
