import { missingProductionSettings } from '../env'

/**
 * Why a production server must not start, or `null`. The development secrets are public (they
 * are in the repository): a site that fell back to them would let anyone empty its cache or sign
 * a preview link.
 *
 * @example
 * startupRefusal({ missing: ['REVALIDATE_SECRET'] })
 * // 'Refusing to start in production without REVALIDATE_SECRET. …'
 */
export const startupRefusal = ({ missing }: { missing: readonly string[] }): string | null =>
  missing.length === 0
    ? null
    : `Refusing to start in production without ${missing.join(' and ')}: set ${
        missing.length === 1 ? 'it' : 'them'
      } to the same values as the CMS's. See .env.example.`

/** Exits the server process, naming what is missing, when production settings are incomplete. */
export const refuseToStartWithout = () => {
  const refusal = startupRefusal({ missing: missingProductionSettings() })
  if (!refusal) return
  console.error(refusal)
  process.exit(1)
}
