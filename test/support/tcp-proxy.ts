// A TCP proxy in front of PostgreSQL that can turn the connections it carries half-open: bytes in
// either direction are silently dropped while both sockets stay open, as when a NAT or a firewall
// forgets a flow. New connections made afterwards pass normally.
import net from 'node:net';

export interface TcpProxy {
  port: number;
  /** Silently drop all traffic of every connection open now. */
  blackholeExisting(): number;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket; dead: boolean }>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, targetHost);
    const pair = { client, upstream, dead: false };
    pairs.add(pair);
    client.on('data', (d) => pair.dead || upstream.write(d));
    upstream.on('data', (d) => pair.dead || client.write(d));
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    // A dead pair never passes a close on either: that is what half-open means.
    client.on('close', () => pair.dead || end());
    upstream.on('close', () => pair.dead || end());
    client.on('error', () => {});
    upstream.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    blackholeExisting: () => {
      let n = 0;
      for (const p of pairs)
        if (!p.dead) {
          p.dead = true;
          n++;
        }
      return n;
    },
    close: async () => {
      for (const p of pairs) {
        p.client.destroy();
        p.upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
