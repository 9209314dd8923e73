import type { Config } from '@copydesk/types/payload-types'

import type { WritePlan } from './workflow/enforce'

import type { WritePlan } from './workflow/enforce'

// Types are generated into @copydesk/types (declare: false) so the web app can share them;
// this file tells Payload's own APIs about them. Module augmentation needs an interface.
declare module 'payload' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/consistent-type-definitions
  export interface GeneratedTypes extends Config {}

  /** Flags server code sets on a request; REST and GraphQL callers cannot set them. */
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface RequestContext {
    /** A workflow action (src/workflow/perform.ts) writes: it checked the rules itself. */
    workflowTransition?: boolean
    /** The scheduler, the seed or a migration writes for nobody. */
    workflowSystem?: boolean
    /** The only way a history entry is written (src/workflow/events.ts). */
    workflowEventWrite?: boolean
    /** The seed's writes are not announced to the reader site. */
    disableRevalidate?: boolean
    /** What the workflow rules decided for each document this request writes (enforce.ts). */
    workflowPlans?: Record<string, WritePlan>
    /** The create now running was decided by the rules (enforce.ts). */
    workflowCreateDecided?: boolean
    /** The create now running is a copy of another document (enforce.ts). */
    workflowDuplicate?: boolean
  }
}
