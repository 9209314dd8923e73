import type { Metadata } from 'next'
import Link from 'next/link'
import type React from 'react'

import { env } from '@/env'

import './globals.css'

export const metadata: Metadata = {
  metadataBase: new URL(env.SITE_URL),
  title: { default: env.SITE_NAME, template: `%s · ${env.SITE_NAME}` },
  description: 'Reporting, explained: the news and the key questions behind it.',
  alternates: { types: { 'application/rss+xml': '/feed.xml' } },
  openGraph: { siteName: env.SITE_NAME, type: 'website' },
  twitter: { card: 'summary_large_image' },
}

const RootLayout = ({ children }: { children: React.ReactNode }) => (
  <html lang="en">
    <body>
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <header className="masthead">
        <div className="masthead-inner">
          <Link href="/" className="wordmark">
            {env.SITE_NAME}
          </Link>
          <nav aria-label="Site">
            <form action="/search" method="get" role="search" className="search-form">
              <label htmlFor="site-search" className="visually-hidden">
                Search articles
              </label>
              <input id="site-search" type="search" name="q" placeholder="Search articles" />
              <button type="submit">Search</button>
            </form>
          </nav>
        </div>
      </header>
      <main id="content">{children}</main>
      <footer className="site-footer">
        <div className="site-footer-inner">
          <span>
            © {new Date().getUTCFullYear()} {env.SITE_NAME}
          </span>
          <span>
            <a href="/archive">Archive</a> · <a href="/feed.xml">RSS</a> ·{' '}
            <a href="/sitemap.xml">Sitemap</a>
          </span>
        </div>
      </footer>
    </body>
  </html>
)

export default RootLayout
