import type React from 'react'

import { Mark } from './Logo'

/** The small mark in the admin's navigation. */
export const Icon: React.FC = () => <Mark size={24} />
