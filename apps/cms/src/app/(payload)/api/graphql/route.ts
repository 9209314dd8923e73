import config from '@payload-config'
import { REST_OPTIONS } from '@payloadcms/next/routes'

import { guardedRoutes } from '../../../../validation/guardRequest'

// Malformed requests are refused (400/413) before Payload reads them; bad input answers 4xx.
export const POST = guardedRoutes(config).graphql
export const OPTIONS = REST_OPTIONS(config)
