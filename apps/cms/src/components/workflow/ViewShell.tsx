import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter, SetStepNav } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import type React from 'react'

import './workflow.scss'

/** Payload's admin frame (navigation, header) around a workflow view. */
export const ViewShell: React.FC<
  Pick<AdminViewServerProps, 'initPageResult' | 'params' | 'searchParams'> & {
    title: string
    description?: React.ReactNode
    children: React.ReactNode
  }
> = ({ initPageResult, params, searchParams, title, description, children }) => {
  const { req, locale, permissions, visibleEntities } = initPageResult
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      viewActions={req.payload.config.admin.components?.actions}
      visibleEntities={visibleEntities}
    >
      <SetStepNav nav={[{ label: title }]} />
      <Gutter className="wf-view">
        <header className="wf-view__header">
          <h1>{title}</h1>
          {description && <p className="wf-view__description">{description}</p>}
        </header>
        {children}
      </Gutter>
    </DefaultTemplate>
  )
}
