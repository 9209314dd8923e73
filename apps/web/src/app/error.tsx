'use client'

// Shown when a page cannot be rendered, e.g. while the CMS is unreachable; never a stack trace.
const ErrorPage = ({ reset }: { error: Error & { digest?: string }; reset: () => void }) => (
  <section className="notice">
    <p className="kicker">Temporarily unavailable</p>
    <h1>This page can’t be shown right now</h1>
    <p>We’re having trouble reaching our newsroom systems. Please try again in a moment.</p>
    <p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </p>
  </section>
)

export default ErrorPage
