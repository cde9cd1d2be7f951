import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

/**
 * One listener of the stand-in on 127.0.0.1: HTTPS with mutual TLS (the provincial API), or plain
 * HTTP (the admin listener, and the API behind --insecure-http). It keeps track of its sockets and
 * of the requests being handled, so close() frees the port at once — tests restart the platform on
 * the same port — and returns only when no handler is still touching the database.
 */
export interface TlsIdentity {
  /** The CA that client certificates must chain to (and nothing else). */
  caPem: string;
  certPem: string;
  keyPem: string;
}

export interface Listener {
  readonly port: number;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export async function listen(options: { port: number; tls: TlsIdentity | null; handler: Handler; log: (message: string) => void }): Promise<Listener> {
  const { tls, handler, log } = options;
  const sockets = new Set<Socket>();
  const handling = new Set<Promise<void>>();

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const done = handler(req, res)
      .catch((err: unknown) => {
        // The handler answers its own errors; reaching here is a bug in the stand-in, not the client.
        log(`request ${req.method} ${req.url} failed: ${(err as Error).stack ?? String(err)}`);
        if (!res.headersSent) res.writeHead(500).end();
      })
      .finally(() => handling.delete(done));
    handling.add(done);
  };

  const server = tls
    ? https.createServer({ key: tls.keyPem, cert: tls.certPem, ca: tls.caPem, requestCert: true, rejectUnauthorized: true }, onRequest)
    : http.createServer(onRequest);
  // Keep-alive: the server waits longer than a client's idle pool (Node's agent: 5 s), so the client
  // closes first and never writes into a connection the server is closing.
  server.keepAliveTimeout = 30_000;
  server.headersTimeout = 35_000;
  // A throttled 20 MB upload may take minutes; the stand-in never cuts a slow request on its own.
  server.requestTimeout = 0;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  if (tls) {
    // A refused client certificate ends in a TLS alert; it is the expected outcome, not an error to shout about.
    server.on('tlsClientError', (err: Error & { code?: string }) => log(`TLS handshake refused: ${err.code ?? err.message}`));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // exclusive: the port belongs to this process alone, and a restart can take it again at once.
    server.listen({ port: options.port, host: '127.0.0.1', exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
      await Promise.allSettled([...handling]);
    },
  };
}
