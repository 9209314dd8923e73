import { describe, expect, it } from 'vitest'

import { isLoopback, readBenchEnv, readEdgeEnv } from './env.ts'

describe('readEdgeEnv', () => {
  it('defaults to 8080 in front of the site on 3000', () => {
    const env = readEdgeEnv({})
    expect(env.listenPort).toBe(8080)
    expect(env.listenHost).toBe('127.0.0.1')
    expect(env.origin.origin).toBe('http://127.0.0.1:3000')
    expect(env.workers).toBe('auto')
  })

  it('follows WEB_PORT, and EDGE_ORIGIN over it', () => {
    expect(readEdgeEnv({ WEB_PORT: '3300' }).origin.origin).toBe('http://127.0.0.1:3300')
    expect(
      readEdgeEnv({ WEB_PORT: '3300', EDGE_ORIGIN: 'http://localhost:4000' }).origin.origin,
    ).toBe('http://localhost:4000')
  })

  it('fronts every site worker, on the ports the site starts them on', () => {
    const origins = (source: Record<string, string>) =>
      readEdgeEnv(source).origins.map((url) => url.origin)
    expect(origins({ WEB_WORKERS: '1' })).toEqual(['http://127.0.0.1:3000'])
    expect(origins({ WEB_WORKERS: '3', WEB_PORT: '3300' })).toEqual([
      'http://127.0.0.1:3300',
      'http://127.0.0.1:4301',
      'http://127.0.0.1:4302',
    ])
    // An origin elsewhere is one address; whatever balances behind it is its own business.
    expect(origins({ WEB_WORKERS: '3', EDGE_ORIGIN: 'http://localhost:4000' })).toEqual([
      'http://localhost:4000',
    ])
  })

  it('treats an empty value as unset', () => {
    expect(readEdgeEnv({ EDGE_PORT: '' }).listenPort).toBe(8080)
  })

  it.each([
    [{ EDGE_PORT: 'abc' }, 'EDGE_PORT must be a port number'],
    [{ EDGE_PORT: '0' }, 'EDGE_PORT must be a port number'],
    [{ EDGE_PORT: '70000' }, 'EDGE_PORT must be a port number'],
    [{ EDGE_ORIGIN: 'https://example.com' }, 'EDGE_ORIGIN must be an http:// URL'],
    [{ EDGE_ORIGIN: 'http://127.0.0.1:3000/site' }, 'without a path'],
    [{ EDGE_WORKERS: 'many' }, 'EDGE_WORKERS must be'],
    [{ WEB_WORKERS: '0' }, 'WEB_WORKERS must be'],
  ])('rejects %j', (source, message) => {
    expect(() => readEdgeEnv(source)).toThrow(message)
  })
})

describe('readBenchEnv', () => {
  it('defaults to the development ports and accounts', () => {
    const env = readBenchEnv({})
    expect(env.cmsUrl.origin).toBe('http://127.0.0.1:3001')
    expect(env.webUrl.origin).toBe('http://127.0.0.1:3000')
    expect(env.edgeUrl.origin).toBe('http://127.0.0.1:8080')
    expect(env.email).toBe('editor@example.com')
    expect(env.staticPort).toBe(0)
  })

  it('refuses to load anything but this machine', () => {
    expect(() => readBenchEnv({ CMS_URL: 'http://cms.example.com' })).toThrow(
      'CMS_URL must point at this machine',
    )
    expect(() => readBenchEnv({ WEB_URL: 'http://10.0.0.5:3000' })).toThrow('WEB_URL')
  })
})

describe('isLoopback', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['[::1]', true],
    ['::1', true],
    ['10.0.0.1', false],
    ['192.168.1.1', false],
    ['example.com', false],
    ['::ffff:10.0.0.1', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected)
  })
})
