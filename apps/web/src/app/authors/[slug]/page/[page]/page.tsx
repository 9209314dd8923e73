import { numberedPage } from '@/components/numberedPage'

import { AuthorListing, authorMetadata } from '../../AuthorListing'

/** Page N of an author's stories; readers ask for it as `/authors/<slug>?page=N` (next.config.ts). */
const { generateMetadata, Page } = numberedPage({
  render: (props) => <AuthorListing {...props} />,
  metadata: authorMetadata,
})

export const generateStaticParams = async () => []
export const revalidate = 3600

export { generateMetadata }
export default Page
