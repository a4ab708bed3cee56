import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A minimal Bot Connector stand-in for benchmarks: accepts every activity post with 200. */
export async function startBenchConnector(opts: { keepLast?: boolean } = {}): Promise<{
  url: string;
  posts: () => number;
  /** the last activity posted to a conversation (only with `keepLast`) */
  last: (conversationId: string) => Record<string, unknown> | undefined;
  close: () => Promise<void>;
}> {
  let posts = 0;
  const lastByConversation = new Map<string, Record<string, unknown>>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => opts.keepLast && chunks.push(c));
    req.on('end', () => {
      posts++;
      if (opts.keepLast) {
        const m = /\/v3\/conversations\/([^/]+)\/activities/.exec(decodeURIComponent(req.url ?? ''));
        if (m) {
          lastByConversation.set(m[1], JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
        }
      }
      res.setHeader('content-type', 'application/json');
      res.end(`{"id":"a-${posts}"}`);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    posts: () => posts,
    last: (conversationId) => lastByConversation.get(conversationId),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
