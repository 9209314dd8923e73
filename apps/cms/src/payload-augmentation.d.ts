import type { Config } from '@copydesk/types/payload-types'

// Types are generated into @copydesk/types (declare: false) so the web app can share them;
// this file tells Payload's own APIs about them. Module augmentation needs an interface.
declare module 'payload' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/consistent-type-definitions
  export interface GeneratedTypes extends Config {}
}
