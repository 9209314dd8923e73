import type { Metadata } from 'next'

import type { MonthParams } from './MonthListing'
import { MonthListing, monthMetadata, monthOf } from './MonthListing'

/** `/archive/2024/07`: the first page of a month's stories. */
type Props = { params: Promise<MonthParams> }

export const generateStaticParams = async () => []
export const revalidate = 3600

export const generateMetadata = async ({ params }: Props): Promise<Metadata> =>
  monthMetadata({ ...monthOf(await params), page: 1 })

const ArchiveMonthPage = async ({ params }: Props) => (
  <MonthListing {...monthOf(await params)} page={1} />
)

export default ArchiveMonthPage
