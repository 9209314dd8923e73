import type { Manifest } from './archive'

const formatBytes = (bytes: number): string =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : bytes >= 1024
      ? `${(bytes / 1024).toFixed(1)} kB`
      : `${bytes} B`

/**
 * A manifest as a table for terminals: documents per collection, then the media files.
 *
 * @example
 * formatManifest(manifest) // 'collection  documents  sha256\n…'
 */
export const formatManifest = (manifest: Manifest): string => {
  const files = Object.values(manifest.files)
  const rows = [
    ...Object.entries(manifest.collections).map(([name, { count, sha256 }]) => [
      name,
      String(count),
      sha256.slice(0, 12),
    ]),
    ['media files', String(files.length), formatBytes(files.reduce((sum, f) => sum + f.bytes, 0))],
  ]
  const header = ['collection', 'documents', 'sha256']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 1 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

export { formatBytes }
