import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { parsePage } from '@/lib/pagination'

import { AuthorListing, authorMetadata } from '../../AuthorListing'

/** Page N of an author's stories; readers ask for it as `/authors/<slug>?page=N` (next.config.ts). */
type Props = { params: Promise<{ slug: string; page: string }> }

export const generateStaticParams = async () => []
export const revalidate = 3600

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const { slug, page } = await params
  const number = parsePage(page)
  return number ? authorMetadata({ slug, page: number }) : {}
}

const AuthorPageN = async ({ params }: Props) => {
  const { slug, page } = await params
  const number = parsePage(page)
  if (!number) notFound()
  return <AuthorListing slug={slug} page={number} />
}

export default AuthorPageN
