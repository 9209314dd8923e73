import { describe, expect, it } from 'vitest'

import { renderEdgeConfig, renderStaticConfig, renderTemplate } from './render.ts'

const edge = renderEdgeConfig({
  runDir: '/tmp/edge run',
  listenHost: '127.0.0.1',
  listenPort: 8080,
  origins: [{ host: '127.0.0.1', port: 3000 }],
  workers: 'auto',
})

describe('renderTemplate', () => {
  it('fills every placeholder', () => {
    expect(
      renderTemplate({ template: 'listen {{HOST}}:{{PORT}};', values: { HOST: '::1', PORT: 80 } }),
    ).toBe('listen ::1:80;')
  })

  it('names every placeholder that has no value', () => {
    expect(() => renderTemplate({ template: '{{A}} {{B}} {{A}}', values: {} })).toThrow(
      'no value for A, B',
    )
  })

  it('writes a line once per item of a list value', () => {
    expect(
      renderTemplate({ template: 'a\n  server {{S}};\nb', values: { S: ['x:1', 'y:2'] } }),
    ).toBe('a\n  server x:1;\n  server y:2;\nb')
  })

  it('refuses an empty list, and two lists on one line', () => {
    expect(() => renderTemplate({ template: 'server {{S}};', values: { S: [] } })).toThrow(
      'exactly one non-empty list',
    )
    expect(() =>
      renderTemplate({ template: '{{A}} {{B}}', values: { A: ['1'], B: ['2'] } }),
    ).toThrow('exactly one non-empty list')
  })

  it('checks list items like any value', () => {
    expect(() => renderTemplate({ template: 'server {{S}};', values: { S: ['a;b'] } })).toThrow(
      'cannot be used in an nginx config',
    )
  })

  it.each(['a"b', 'a;b', 'a$b', 'a{b', 'a\nb', ''])(
    'refuses %j, which nginx would read as syntax',
    (value) => {
      expect(() => renderTemplate({ template: '{{X}}', values: { X: value } })).toThrow(
        'cannot be used in an nginx config',
      )
    },
  )
})

describe('renderEdgeConfig', () => {
  it('leaves no placeholder behind and keeps every path under the run directory', () => {
    expect(edge).not.toMatch(/\{\{|\}\}/)
    const paths = [...edge.matchAll(/"(\/[^"]*)"/g)].map((match) => match[1])
    expect(paths.length).toBeGreaterThan(5)
    for (const path of paths) expect(path?.startsWith('/tmp/edge run/')).toBe(true)
  })

  it('listens where asked and fronts the origin', () => {
    expect(edge).toContain('listen 127.0.0.1:8080;')
    expect(edge).toContain('server 127.0.0.1:3000 max_fails=1 fail_timeout=10s;')
  })

  it('balances across every site worker', () => {
    const config = renderEdgeConfig({
      runDir: '/tmp/run',
      listenHost: '127.0.0.1',
      listenPort: 8080,
      origins: [
        { host: '127.0.0.1', port: 3000 },
        { host: '127.0.0.1', port: 4001 },
      ],
      workers: '1',
    })
    const upstream = config.match(/upstream origin \{([^}]*)\}/)?.[1] ?? ''
    expect([...upstream.matchAll(/server (\S+)/g)].map((match) => match[1])).toEqual([
      '127.0.0.1:3000',
      '127.0.0.1:4001',
    ])
  })

  it('brackets IPv6 addresses, as nginx needs', () => {
    const config = renderEdgeConfig({
      runDir: '/tmp/run',
      listenHost: '::1',
      listenPort: 8080,
      origins: [{ host: '[::1]', port: 3000 }],
      workers: '1',
    })
    expect(config).toContain('listen [::1]:8080;')
    expect(config).toContain('server [::1]:3000 ')
  })

  it('refreshes in the background, one request at a time, serving the stale copy meanwhile', () => {
    expect(edge).toMatch(/proxy_cache_use_stale [^;]*\bupdating\b/)
    expect(edge).toContain('proxy_cache_background_update on;')
    expect(edge).toContain('proxy_cache_lock on;')
  })

  it('bypasses the cache for staff and preview cookies', () => {
    for (const cookie of ['payload-token', '__prerender_bypass', '__next_preview_data']) {
      expect(edge).toContain(cookie)
    }
  })
})

describe('renderStaticConfig', () => {
  it('serves the document root', () => {
    const config = renderStaticConfig({
      runDir: '/tmp/run',
      listenHost: '127.0.0.1',
      listenPort: 3390,
      docRoot: '/tmp/root',
      workers: '2',
    })
    expect(config).toContain('root "/tmp/root";')
    expect(config).toContain('worker_processes 2;')
  })
})
