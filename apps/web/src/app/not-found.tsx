import Link from 'next/link'

const NotFound = () => (
  <section className="notice">
    <p className="kicker">404</p>
    <h1>We couldn’t find that page</h1>
    <p>The story may have moved or been taken down. Try the front page or search.</p>
    <p>
      <Link href="/" className="button">
        Go to the front page
      </Link>
    </p>
  </section>
)

export default NotFound
