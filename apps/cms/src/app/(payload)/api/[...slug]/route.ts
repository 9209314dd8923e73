import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_OPTIONS } from '@payloadcms/next/routes'

import { guardedRoutes } from '../../../../validation/guardRequest'

// Malformed requests are refused (400/413, naming the parameter or field) before Payload reads them.
const { rest } = guardedRoutes(config)

export const GET = rest.GET
export const POST = rest.POST
export const DELETE = rest.DELETE
export const PATCH = rest.PATCH
export const PUT = rest.PUT
export const OPTIONS = REST_OPTIONS(config)
