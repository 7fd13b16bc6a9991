import net from 'node:net';
import { onTestFinished } from 'vitest';

/**
 * A loopback TCP proxy standing for a load balancer in front of kasane instances: the client
 * keeps one address while `moveTo()` sends its (dropped and re-made) connections to another
 * instance, and `cut()`/`restore()` take the network away and give it back.
 */
export async function newMovableProxy(targetPort: number) {
  const sockets = new Set<net.Socket>();
  let target = targetPort;
  let open = true;
  const server = net.createServer((client) => {
    if (!open) {
      client.destroy();
      return;
    }
    const upstream = net.connect(target, '127.0.0.1');
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
      target = port;
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
