import type { Metadata } from 'next'

import { AuthorListing, authorMetadata } from './AuthorListing'

type Props = { params: Promise<{ slug: string }> }

export const generateStaticParams = async () => []
export const revalidate = 3600

export const generateMetadata = async ({ params }: Props): Promise<Metadata> =>
  authorMetadata({ slug: (await params).slug, page: 1 })

const AuthorPage = async ({ params }: Props) => (
  <AuthorListing slug={(await params).slug} page={1} />
)

export default AuthorPage
