import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

// Validates the environment: a bad value fails the build and the server start.
import './src/env'

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
