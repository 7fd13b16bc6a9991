import net from 'node:net';
import { onTestFinished } from 'vitest';

/**
 * A loopback TCP proxy a test can stand between two parts: in front of PostgreSQL, `cut()` drops
 * every open connection and refuses new ones (as a database going away does) and `restore()` lets
 * them through; in front of kasane instances, as a load balancer, `moveTo()` sends the client's
 * (dropped and re-made) connections to another instance while it keeps one address.
 */
export async function newTcpProxy(initialTarget: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let target = initialTarget;
  let open = true;
  const server = net.createServer((client) => {
    if (!open) {
      client.destroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  onTestFinished(() => {
    dropAll();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return {
    port,
    moveTo(port: number) {
      target = { host: target.host, port };
      dropAll();
    },
    cut() {
      open = false;
      dropAll();
    },
    restore() {
      open = true;
    },
  };
}
