import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { seoPlugin } from '@payloadcms/plugin-seo'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Articles } from './collections/Articles'
import { Authors } from './collections/Authors'
import { EditorialComments } from './collections/EditorialComments'
import { Faqs } from './collections/Faqs'
import { Media } from './collections/Media'
import { Notifications } from './collections/Notifications'
import { checkRedirectInput, redirects } from './collections/Redirects'
import { Topics } from './collections/Topics'
import { Users } from './collections/Users'
import { WorkflowEvents } from './collections/WorkflowEvents'
import { databaseAdapter } from './database'
import { env, payloadSecret, serverUrl, webUrl } from './env'
import { newsroomEditor } from './fields/richText'
import { databaseUnavailable } from './hooks/databaseUnavailable'
import { reportFieldErrors } from './hooks/reportFieldErrors'
import { jobs } from './jobs'
import { prepareSearch } from './search/prepare'
import { withInputChecks } from './validation/rejectBadInput'
import { workflowMutations } from './workflow/graphql'
import { withStaleLockRelease } from './workflow/locks'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL: serverUrl,
  secret: payloadSecret,
  admin: {
    user: Users.slug,
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' · Copydesk' },
    livePreview: {
      breakpoints: [
        { label: 'Phone', name: 'phone', width: 375, height: 812 },
        { label: 'Desktop', name: 'desktop', width: 1280, height: 800 },
      ],
    },
    // Gravatar is a third-party request per page view; staff get Payload's built-in avatar.
    avatar: 'default',
    components: {
      graphics: {
        Logo: '/components/admin/Logo#Logo',
        Icon: '/components/admin/Icon#Icon',
      },
      beforeNavLinks: ['/components/workflow/NavLinks#NavLinks'],
      actions: ['/components/workflow/NavLinks#HeaderLinks'],
      beforeDashboard: ['/components/workflow/DeskDashboard#DeskDashboard'],
      views: {
        board: { Component: '/components/workflow/BoardView#BoardView', path: '/board' },
        queue: { Component: '/components/workflow/QueueView#QueueView', path: '/queue' },
        calendar: {
          Component: '/components/workflow/CalendarView#CalendarView',
          path: '/calendar',
        },
      },
    },
  },
  // Every write is checked for malformed input first (a 400 naming each bad field).
  collections: [
    Articles,
    Faqs,
    Authors,
    Topics,
    Media,
    WorkflowEvents,
    EditorialComments,
    Notifications,
    Users,
  ].map(withInputChecks),
  // The live-preview frame on the reader site fetches populated documents with the editor's session.
  cors: [webUrl],
  csrf: [webUrl],
  editor: newsroomEditor,
  db: databaseAdapter(),
  sharp,
  typescript: {
    outputFile:
      env.PAYLOAD_TYPES_OUTPUT ??
      path.resolve(dirname, '../../../packages/types/src/payload-types.ts'),
    declare: false,
  },
  graphQL: { disablePlaygroundInProduction: true, mutations: workflowMutations },
  hooks: { afterError: [reportFieldErrors, databaseUnavailable] },
  jobs,
  onInit: prepareSearch,
  plugins: [
    seoPlugin({
      generateTitle: ({ doc }) => (doc?.title ? `${doc.title} · Copydesk` : 'Copydesk'),
      generateDescription: ({ doc }) => doc?.dek ?? '',
    }),
    redirects,
    checkRedirectInput,
  ],
}).then(withStaleLockRelease)
