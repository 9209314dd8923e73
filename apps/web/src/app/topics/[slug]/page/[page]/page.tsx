import { numberedPage } from '@/components/numberedPage'

import { TopicListing, topicMetadata } from '../../TopicListing'

/** Page N of a topic; readers ask for it as `/topics/<slug>?page=N` (see next.config.ts). */
const { generateMetadata, Page } = numberedPage({
  render: (props) => <TopicListing {...props} />,
  metadata: topicMetadata,
})

export const generateStaticParams = async () => []
export const revalidate = 3600

export { generateMetadata }
export default Page
