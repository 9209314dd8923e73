import { once } from 'node:events'
import { createReadStream, createWriteStream } from 'node:fs'
import { finished } from 'node:stream/promises'
import { StringDecoder } from 'node:string_decoder'
import { createGunzip, createGzip } from 'node:zlib'

import { ArchiveError } from './archive'

/** Writes lines to a gzip file, waiting whenever the stream asks to. */
export const lineWriter = (file: string) => {
  const gzip = createGzip({ level: 6 })
  const out = createWriteStream(file)
  gzip.pipe(out)
  return {
    write: async (line: string) => {
      if (!gzip.write(`${line}\n`)) await once(gzip, 'drain')
    },
    close: async () => {
      gzip.end()
      await finished(out)
    },
  }
}

const describeReadError = (error: NodeJS.ErrnoException): string => {
  if (error.code === 'ENOENT') return 'no such file'
  if (error.code === 'EISDIR') return 'is a folder, not an archive'
  if (error.code === 'Z_DATA_ERROR') return 'is not a backup archive (not gzip data)'
  if (error.code === 'Z_BUF_ERROR' || /unexpected end/i.test(error.message))
    return 'is damaged: it ends early (truncated)'
  return `cannot be read (${error.code ?? error.message})`
}

/**
 * The lines of a gzip file, in order; any read or decompression error becomes one
 * `ArchiveError` saying what is wrong with the file.
 */
export async function* readLines(file: string): AsyncGenerator<string> {
  const gunzip = createGunzip()
  const source = createReadStream(file)
  source.on('error', (error) => gunzip.destroy(error))
  source.pipe(gunzip)
  const decoder = new StringDecoder('utf8')
  let pending = ''
  try {
    for await (const chunk of gunzip) {
      pending += decoder.write(chunk as Buffer)
      let newline = pending.indexOf('\n')
      while (newline !== -1) {
        yield pending.slice(0, newline)
        pending = pending.slice(newline + 1)
        newline = pending.indexOf('\n')
      }
    }
  } catch (error) {
    if (error instanceof ArchiveError) throw error
    throw new ArchiveError(describeReadError(error as NodeJS.ErrnoException))
  }
  pending += decoder.end()
  if (pending.length > 0) yield pending
}
