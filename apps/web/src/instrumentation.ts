/** Runs once when the server starts. */
export const register = async () => {
  // Set by Next itself (and inlined at build time), not configuration; the patch is Node-only.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { refuseToStartWithout } = await import('./lib/startup')
  refuseToStartWithout()
  const { installErrorAnswers } = await import('./lib/errorAnswers')
  installErrorAnswers()
}
