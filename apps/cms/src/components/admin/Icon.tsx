import type React from 'react'

import { Mark } from './Logo'

/**
 * The small mark in the breadcrumb's home link. Payload gives that link a fixed 16–18 px box; the
 * mark fills whatever box it gets instead of a fixed size, so it is never clipped.
 */
export const Icon: React.FC = () => <Mark size="fill" />
