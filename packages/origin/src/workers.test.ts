import { describe, expect, it } from 'vitest'

import { readOriginEnv } from './env'
import { OriginEnvError, workerCount, workerPorts } from './workers'

describe('workerCount', () => {
  it('defaults to one worker per core, within bounds', () => {
    expect(workerCount({}, 2)).toBe(2)
    expect(workerCount({ WEB_WORKERS: 'auto' }, 64)).toBe(16)
    expect(workerCount({ WEB_WORKERS: '' }, 1)).toBe(1)
  })

  it('takes a count', () => {
    expect(workerCount({ WEB_WORKERS: '3' }, 2)).toBe(3)
  })

  it.each(['0', '17', '-1', '1.5', 'two'])('refuses %s, naming the setting', (value) => {
    expect(() => workerCount({ WEB_WORKERS: value })).toThrow(/WEB_WORKERS must be/)
  })
})

describe('workerPorts', () => {
  it('keeps the first worker on WEB_PORT and puts the others clear of the CMS', () => {
    expect(workerPorts(3000, 1)).toEqual([3000])
    expect(workerPorts(3000, 3)).toEqual([3000, 4001, 4002])
    expect(workerPorts(3100, 2)).toEqual([3100, 4101])
  })
})

describe('readOriginEnv', () => {
  it('reads the defaults', () => {
    const env = readOriginEnv({ WEB_WORKERS: '2' })
    expect(env).toMatchObject({ webPort: 3000, workers: 2, ports: [3000, 4001], redisPort: 6390 })
    expect(env.redisUrl).toBeUndefined()
    expect(env.redisDir).toMatch(/\.data\/redis$/)
  })

  it('takes an external Redis and refuses anything that is not a redis URL', () => {
    expect(readOriginEnv({ REDIS_URL: 'redis://cache:6379' }).redisUrl).toBe('redis://cache:6379')
    expect(() => readOriginEnv({ REDIS_URL: 'http://cache' })).toThrow(OriginEnvError)
    expect(() => readOriginEnv({ REDIS_URL: 'http://cache' })).toThrow(/REDIS_URL/)
  })

  it('refuses ports that cannot hold every worker', () => {
    expect(() => readOriginEnv({ WEB_PORT: '65000', WEB_WORKERS: '2' })).toThrow(/no room/)
    expect(() => readOriginEnv({ WEB_PORT: 'http' })).toThrow(/WEB_PORT must be a port/)
    expect(() => readOriginEnv({ REDIS_PORT: '70000' })).toThrow(/REDIS_PORT must be a port/)
  })
})
