/**
 * A real redis-server (Debian's package) for a test: on loopback, on a free port, keeping nothing
 * on disk, stopped at the end. Tests skip with a message when redis-server is not installed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where redis-server is, or undefined. */
export const REDIS_SERVER = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p));

/** Why the queue tests are skipped, when they are. */
export const SKIP_REASON = REDIS_SERVER ? undefined : 'redis-server is not installed (apt-get install redis-server; .ci/run does): the queue tests are skipped';

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface RedisServer {
  port: number;
  url: string;
  /** Stops it (SIGKILL: nothing is saved). */
  stop(): Promise<void>;
  /** Starts it again on the same port (empty: it keeps nothing). */
  restart(): Promise<void>;
}

export interface RedisServerOptions {
  password?: string;
  /** TLS only, with this certificate and key (files); the URL becomes rediss://. */
  tls?: { cert: string; key: string; ca: string };
}

/** Starts redis-server; resolves once it accepts connections. */
export async function startRedis(opts: RedisServerOptions = {}): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const args = (): string[] => [
    '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', '/tmp',
    ...(opts.tls ? ['--port', '0', '--tls-port', String(port), '--tls-cert-file', opts.tls.cert, '--tls-key-file', opts.tls.key, '--tls-ca-cert-file', opts.tls.ca, '--tls-auth-clients', 'no'] : ['--port', String(port)]),
    ...(opts.password ? ['--requirepass', opts.password] : []),
  ];
  const start = async (): Promise<void> => {
    let log = '';
    child = spawn(REDIS_SERVER!, args(), { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${log}`)), 10_000);
      const onData = (d: Buffer): void => {
        log += d.toString();
        if (/Ready to accept connections/.test(log)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child!.stdout!.on('data', onData);
      child!.stderr!.on('data', onData);
      child!.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${log}`)));
    });
  };
  await start();
  const stop = async (): Promise<void> => {
    const c = child;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGKILL');
    });
  };
  const auth = opts.password ? `:${encodeURIComponent(opts.password)}@` : '';
  return { port, url: `${opts.tls ? 'rediss' : 'redis'}://${auth}127.0.0.1:${port}`, stop, restart: async () => (await stop(), await start()) };
}

/** Whether this redis-server was built with TLS (Debian's is). */
export function redisHasTls(): boolean {
  if (!REDIS_SERVER) return false;
  const r = spawnSync('ldd', [REDIS_SERVER], { encoding: 'utf8' });
  return /libssl/.test(r.stdout ?? '');
}

/** A throwaway CA and a server certificate for 127.0.0.1, made by openssl in `dir`. */
export function makeCertificate(dir: string): { cert: string; key: string; ca: string } {
  const ca = join(dir, 'ca.pem');
  const caKey = join(dir, 'ca.key');
  const key = join(dir, 'server.key');
  const csr = join(dir, 'server.csr');
  const cert = join(dir, 'server.pem');
  const ext = join(dir, 'ext.cnf');
  const run = (args: string[]): void => {
    const r = spawnSync('openssl', args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr}`);
  };
  run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', caKey, '-out', ca, '-days', '1', '-subj', '/CN=vitrans test CA']);
  run(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', csr, '-subj', '/CN=127.0.0.1']);
  spawnSync('sh', ['-c', `printf 'subjectAltName=IP:127.0.0.1\\n' > '${ext}'`]);
  run(['x509', '-req', '-in', csr, '-CA', ca, '-CAkey', caKey, '-CAcreateserial', '-out', cert, '-days', '1', '-extfile', ext]);
  return { cert, key, ca };
}
