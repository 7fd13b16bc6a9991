import { Redis } from '@hocuspocus/extension-redis';

/**
 * Several kasane processes behind a load balancer share live documents through Redis
 * (@hocuspocus/extension-redis 4.7, which has the fix for hocuspocus #1151). Redis only relays:
 * every instance stores the updates of its own clients in the one PostgreSQL, append-only, so a
 * stale instance has nothing it could overwrite.
 */
export function redisScaleOut(redisUrl: string, prefix: string): Redis {
  const url = new URL(redisUrl);
  return new Redis({
    host: url.hostname,
    port: Number(url.port || 6379),
    prefix,
    options: {
      ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
      ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
      ...(url.pathname.length > 1 ? { db: Number(url.pathname.slice(1)) } : {}),
    },
  });
}
