import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The nginx configurations this package ships, in `nginx/<name>.conf.template`. */
export type TemplateName = 'edge' | 'static'

export const templatePath = (name: TemplateName): string =>
  resolve(dirname(fileURLToPath(import.meta.url)), '..', 'nginx', `${name}.conf.template`)

// nginx reads these inside double quotes or as bare words: a quote, a backslash, a `$` (variable
// interpolation), a brace, a semicolon or a line break would change what the directive means.
const UNSAFE_VALUE = /["\\$;{}\r\n]/

type TemplateValue = string | number | readonly (string | number)[]

const checked = (name: string, value: string | number): string => {
  const text = String(value)
  if (text === '' || UNSAFE_VALUE.test(text)) {
    throw new Error(`${name} cannot be used in an nginx config: ${JSON.stringify(text)}`)
  }
  return text
}

const PLACEHOLDER = /\{\{([A-Z0-9_]+)\}\}/g

/**
 * A line whose placeholder has a list of values is written once per value (several `server`
 * lines in an upstream, say); an empty list or two lists on one line throw.
 */
const expandListLines = (template: string, values: Record<string, TemplateValue>): string =>
  template
    .split('\n')
    .flatMap((line) => {
      const lists = [...line.matchAll(PLACEHOLDER)]
        .map(([, name]) => name as string)
        .filter((name) => Array.isArray(values[name]))
      if (lists.length === 0) return [line]
      const [name] = lists
      const items = values[name as string] as readonly (string | number)[]
      if (new Set(lists).size > 1 || items.length === 0) {
        throw new Error(`a template line needs exactly one non-empty list: ${line.trim()}`)
      }
      return items.map((item) => line.replaceAll(`{{${name}}}`, checked(name as string, item)))
    })
    .join('\n')

/**
 * Fills every `{{NAME}}` of a template. A placeholder without a value, or a value nginx would
 * read as syntax, throws: a half-rendered config would start with the wrong meaning rather than
 * fail. A list value repeats its line once per item.
 *
 * @example
 * renderTemplate({ template: 'listen {{HOST}}:{{PORT}};', values: { HOST: '127.0.0.1', PORT: 8080 } })
 * // → 'listen 127.0.0.1:8080;'
 * renderTemplate({ template: 'server {{ORIGINS}};', values: { ORIGINS: ['a:1', 'b:2'] } })
 * // → 'server a:1;\nserver b:2;'
 */
export const renderTemplate = ({
  template,
  values,
}: {
  template: string
  values: Record<string, TemplateValue>
}): string => {
  const missing = new Set<string>()
  const rendered = expandListLines(template, values).replace(
    PLACEHOLDER,
    (_match, name: string) => {
      const value = values[name]
      if (value === undefined) {
        missing.add(name)
        return ''
      }
      // A list left here is one the line expansion did not take (it sits on no line of its own).
      if (Array.isArray(value)) throw new Error(`${name} is a list: give it a line of its own`)
      return checked(name, value as string | number)
    },
  )
  if (missing.size > 0) throw new Error(`no value for ${[...missing].join(', ')}`)
  return rendered
}

// nginx reads `::1:8080` as nonsense; an IPv6 address needs its brackets in `listen`/`server`.
const hostForNginx = (host: string): string =>
  host.includes(':') && !host.startsWith('[') ? `[${host}]` : host

export type EdgeConfig = {
  /** Where nginx keeps its pid file, cache and temp files; created by the caller. */
  runDir: string
  listenHost: string
  listenPort: number
  /** The site's workers; nginx balances readers' misses across them. */
  origins: readonly { host: string; port: number }[]
  /** nginx's `worker_processes`: a count or `auto` (one per core). */
  workers: string
}

/** The edge's nginx.conf: a micro-cache in front of the reader site. */
export const renderEdgeConfig = (config: EdgeConfig): string =>
  renderTemplate({
    template: readFileSync(templatePath('edge'), 'utf8'),
    values: {
      RUN_DIR: config.runDir,
      LISTEN_HOST: hostForNginx(config.listenHost),
      LISTEN_PORT: config.listenPort,
      ORIGINS: config.origins.map(({ host, port }) => `${hostForNginx(host)}:${port}`),
      WORKERS: config.workers,
    },
  })

export type StaticConfig = {
  runDir: string
  listenHost: string
  listenPort: number
  /** Files are served from here under the same paths as on the site. */
  docRoot: string
  workers: string
}

/** A plain file server, the benchmark's ceiling for serving the same bytes. */
export const renderStaticConfig = (config: StaticConfig): string =>
  renderTemplate({
    template: readFileSync(templatePath('static'), 'utf8'),
    values: {
      RUN_DIR: config.runDir,
      LISTEN_HOST: hostForNginx(config.listenHost),
      LISTEN_PORT: config.listenPort,
      DOC_ROOT: config.docRoot,
      WORKERS: config.workers,
    },
  })
