// A real redis-server for the tests: on a free port of 127.0.0.1, nothing saved to disk, stopped
// by the test that started it.
import {type ChildProcess, spawn} from 'node:child_process'
import {createServer} from 'node:net'

export interface RedisServer {
  port: number
  url: (prefix: string) => string
  stop: () => Promise<void>
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort()
  const server = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  await ready(server)
  return {
    port,
    url: (prefix) => `redis://127.0.0.1:${port}/0?prefix=${prefix}`,
    stop: async () => {
      if (server.exitCode !== null) return
      const exited = new Promise((resolve) => server.once('exit', resolve))
      server.kill('SIGTERM')
      await exited
    },
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const {port} = probe.address() as {port: number}
      probe.close(() => resolve(port))
    })
  })
}

function ready(server: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = ''
    server.once('error', reject)
    server.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)))
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Ready to accept connections')) resolve()
    })
  })
}
