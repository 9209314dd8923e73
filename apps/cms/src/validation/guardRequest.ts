import type { SanitizedConfig } from 'payload'

import {
  GRAPHQL_POST,
  REST_DELETE,
  REST_GET,
  REST_PATCH,
  REST_POST,
  REST_PUT,
} from '@payloadcms/next/routes'

import { databaseUnreachableSince } from '../databaseHealth'
import { maxJsonBodyBytes, maxUploadBytes } from '../env'
import { databaseUnavailableResponse, RETRY_AFTER_SECONDS } from '../hooks/databaseUnavailable'
import { fieldErrorResponse } from '../hooks/reportFieldErrors'
import type { FieldError } from './databaseErrors'
import { graphqlStatus } from './graphqlStatus'
import type { GraphqlBody } from './graphqlStatus'
import { describeValue } from './inputShape'
import { queryProblems } from './queryParams'

type RestArgs = { params: Promise<{ slug: string[] }> }
export type RestHandler = (request: Request, args: RestArgs) => Promise<Response>
export type GraphqlHandler = (request: Request) => Promise<Response>
type Config = SanitizedConfig | Promise<SanitizedConfig>

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT'])

const DEFAULT_LIMITS: Limits = { json: maxJsonBodyBytes, upload: maxUploadBytes }

const refuse = (errors: FieldError[], status = 400): Response =>
  Response.json(fieldErrorResponse({ errors }), { status })

const tooLarge = (limit: number): Response =>
  refuse(
    [
      {
        path: 'body',
        message: `The request body is larger than the ${(limit / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} MB this API accepts.`,
      },
    ],
    413,
  )

const mediaTypeOf = (request: Request): string =>
  (request.headers.get('content-type') ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? ''

/** The body's bytes, or null once it passes `limit` (the rest is never read). */
const readLimited = async (
  request: Request,
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | null> => {
  if (!request.body) return new Uint8Array()
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => undefined)
      return null
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

type BodyCheck = { response: Response } | { request: Request }

type Limits = { json: number; upload: number }

const parseObject = (
  text: string,
  path: string,
): { ok: true } | { ok: false; problem: FieldError } => {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    return {
      ok: false,
      problem: {
        path,
        message: `The ${path === 'body' ? 'request body' : `“${path}” field`} is not valid JSON (${(error as Error).message}).`,
      },
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return {
      ok: false,
      problem: {
        path,
        message: `The ${path === 'body' ? 'request body' : `“${path}” field`} must be a JSON object, not ${describeValue(parsed)}.`,
      },
    }
  return { ok: true }
}

/**
 * A body within the size limits, of a media type Payload reads, whose JSON (the body itself, or
 * an upload's `_payload` field) is an object; handed on as a fresh request, since the original's
 * stream is spent. `requireBody` refuses an empty body (a document write with nothing to write).
 */
const checkBody = async ({
  request,
  limits,
  allowMultipart,
  requireBody = false,
}: {
  request: Request
  limits: Limits
  allowMultipart: boolean
  requireBody?: boolean
}): Promise<BodyCheck> => {
  const mediaType = mediaTypeOf(request)
  const isMultipart = allowMultipart && mediaType.startsWith('multipart/form-data')
  const limit = isMultipart ? limits.upload : limits.json
  const declared = Number(request.headers.get('content-length') ?? '0')
  if (declared > limit) return { response: tooLarge(limit) }
  const bytes = await readLimited(request, limit)
  if (!bytes) return { response: tooLarge(limit) }
  const rebuild = (body: Uint8Array<ArrayBuffer>) =>
    new Request(request.url, {
      method: request.method,
      headers: request.headers,
      body: body.byteLength > 0 ? body : undefined,
      signal: request.signal,
    })
  if (bytes.byteLength === 0) {
    if (!requireBody) return { request: rebuild(bytes) }
    return {
      response: refuse([
        {
          path: 'body',
          message: 'The request body is empty: send the document’s fields as a JSON object.',
        },
      ]),
    }
  }
  // Payload's REST endpoints read a GET's query from a form body with this override header.
  const isQueryOverride =
    mediaType === 'application/x-www-form-urlencoded' &&
    [
      request.headers.get('x-payload-http-method-override'),
      request.headers.get('x-http-method-override'),
    ].includes('GET')
  if (isQueryOverride) return { request: rebuild(bytes) }
  if (isMultipart) {
    let form: FormData
    try {
      form = await rebuild(bytes.slice()).formData()
    } catch {
      return {
        response: refuse([{ path: 'body', message: 'The multipart body could not be read.' }]),
      }
    }
    const fields = form.get('_payload')
    if (fields !== null) {
      const checked =
        typeof fields === 'string'
          ? parseObject(fields, '_payload')
          : {
              ok: false as const,
              problem: {
                path: '_payload',
                message: 'The “_payload” field must be JSON text, not a file.',
              },
            }
      if (!checked.ok) return { response: refuse([checked.problem]) }
    }
    return { request: rebuild(bytes) }
  }
  if (mediaType !== 'application/json')
    return {
      response: refuse([
        {
          path: 'Content-Type',
          message: `Send the body as JSON with “Content-Type: application/json”${allowMultipart ? ' (or multipart/form-data for uploads)' : ''}, not “${mediaType || 'none'}”.`,
        },
      ]),
    }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return { response: refuse([{ path: 'body', message: 'The request body is not valid UTF-8.' }]) }
  }
  const checked = parseObject(text, 'body')
  if (!checked.ok) return { response: refuse([checked.problem]) }
  return { request: rebuild(bytes) }
}

/** Top-level field names of a collection, to check `sort` against. */
const sortableFor = async (config: Config, slug: string | undefined) => {
  const collection = (await config).collections.find((each) => each.slug === slug)
  if (!collection) return undefined
  const names = new Set(['id', ...collection.flattenedFields.map((field) => field.name)])
  return (path: string) => names.has(path.split('.')[0] ?? '')
}

/**
 * Payload's REST handler behind the request checks: query parameters (`depth`, `limit`, `page`,
 * `sort`, `$` operators), the body's size (413), media type and JSON form (400). Each refusal is
 * a 400 in Payload's ValidationError shape, naming the parameter, header or `body`.
 */
export const guardRest =
  (
    handler: RestHandler,
    { config, limits = DEFAULT_LIMITS }: { config: Config; limits?: Limits },
  ): RestHandler =>
  async (request, args) => {
    const url = new URL(request.url)
    const { slug } = await args.params
    const problems = queryProblems({
      params: url.searchParams,
      // Only a collection's own list sorts by its fields (`/versions` sorts by `version.…`).
      isSortable: slug.length === 1 ? await sortableFor(config, slug[0]) : undefined,
    })
    if (problems.length > 0) return refuse(problems)
    const method = request.method.toUpperCase()
    if (!WRITE_METHODS.has(method)) return handler(request, args)
    // POST /api/{collection}, PATCH /api/{collection}[/{id}]: Payload's own document writes.
    const isCollection = (await config).collections.some((each) => each.slug === slug[0])
    const isDocumentWrite =
      isCollection && (method === 'POST' ? slug.length === 1 : slug.length <= 2)
    const checked = await checkBody({
      request,
      limits,
      allowMultipart: true,
      requireBody: isDocumentWrite,
    })
    if ('response' in checked) return checked.response
    return handler(checked.request, args)
  }

/** Payload's GraphQL handler behind the same body checks, answering 4xx when the input was bad. */
export const guardGraphql =
  (
    handler: GraphqlHandler,
    { limits = DEFAULT_LIMITS }: { limits?: Limits } = {},
  ): GraphqlHandler =>
  async (request) => {
    const problems = queryProblems({ params: new URL(request.url).searchParams })
    if (problems.length > 0) return refuse(problems)
    const checked = await checkBody({ request, limits, allowMultipart: false, requireBody: true })
    if ('response' in checked) return checked.response
    const response = await handler(checked.request)
    const text = await response.text()
    let body: GraphqlBody
    try {
      body = JSON.parse(text) as GraphqlBody
    } catch {
      return new Response(text, { status: response.status, headers: response.headers })
    }
    const status = graphqlStatus({ body, status: response.status })
    const headers = new Headers(response.headers)
    if (status === 503) headers.set('Retry-After', String(RETRY_AFTER_SECONDS))
    return new Response(text, { status, headers })
  }

const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

const unavailable = (): Response =>
  Response.json(databaseUnavailableResponse(), {
    status: 503,
    headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
  })

/**
 * While the driver sees no database server, requests answer 503 at once instead of each waiting
 * for it. A request during which the database went away answers 503 too when it was a read or
 * failed: Payload treats a sign-in whose user it could not load as signed out, which would
 * otherwise come back as `{ user: null }` or a 403. A write that succeeded keeps its answer, since
 * it was stored.
 */
export const answerDuringOutage =
  <Rest extends unknown[]>(handler: (request: Request, ...rest: Rest) => Promise<Response>) =>
  async (request: Request, ...rest: Rest): Promise<Response> => {
    if (databaseUnreachableSince() !== undefined) return unavailable()
    const started = Date.now()
    const response = await handler(request, ...rest)
    const since = databaseUnreachableSince()
    if (since === undefined || since < started || response.status === 503) return response
    if (READS.has(request.method.toUpperCase()) || response.status >= 400) return unavailable()
    return response
  }

/**
 * The API's route handlers with the request checks in front, for `app/(payload)/api` and the
 * test server alike.
 *
 * @example
 * export const { GET, POST } = guardedRoutes(config).rest
 */
export const guardedRoutes = (config: Config) => {
  const guard = (handler: RestHandler) => answerDuringOutage(guardRest(handler, { config }))
  return {
    rest: {
      GET: guard(REST_GET(config)),
      POST: guard(REST_POST(config)),
      PATCH: guard(REST_PATCH(config)),
      PUT: guard(REST_PUT(config)),
      DELETE: guard(REST_DELETE(config)),
    },
    graphql: answerDuringOutage(guardGraphql(GRAPHQL_POST(config))),
  }
}
