import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'

import { archivePath } from '@/lib/archive'

import type { MonthParams } from '../../MonthListing'
import { MonthListing, monthMetadata, monthOf } from '../../MonthListing'

/** `/archive/2024/07/page/2`: later pages of a month (page 1 is the month's own URL). */
type Props = { params: Promise<MonthParams & { page: string }> }

export const generateStaticParams = async () => []
export const revalidate = 3600

const pageOf = (text: string): number => {
  if (!/^[1-9]\d{0,4}$/.test(text)) notFound()
  return Number(text)
}

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const resolved = await params
  return monthMetadata({ ...monthOf(resolved), page: pageOf(resolved.page) })
}

const ArchiveMonthPageN = async ({ params }: Props) => {
  const resolved = await params
  const month = monthOf(resolved)
  const page = pageOf(resolved.page)
  if (page === 1) permanentRedirect(archivePath(month))
  return <MonthListing {...month} page={page} />
}

export default ArchiveMonthPageN
