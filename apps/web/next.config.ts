import type { NextConfig } from 'next'

// Validates the environment: a bad value fails the build and the server start.
import { env } from './src/env'

const cms = new URL(env.CMS_URL)

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  images: {
    remotePatterns: [
      {
        protocol: cms.protocol.replace(':', '') as 'http' | 'https',
        hostname: cms.hostname,
        port: cms.port,
        pathname: '/api/media/file/**',
      },
    ],
  },
}

export default nextConfig
