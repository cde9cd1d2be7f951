import { isIP } from 'node:net';
import tls from 'node:tls';
import type { PlatformConnection } from './platform-connection';

export type ClientCertificateVerdict = 'refused' | 'accepted' | 'unknown';

/**
 * Does the platform accept our client certificate? In TLS 1.3 the server checks the client's
 * certificate after the client has finished its side of the handshake; when it refuses, its alert
 * races with our request, and the request usually loses: we see a bare ECONNRESET, exactly like a
 * connection cut by the network. To tell the two apart, handshake again and send nothing: a
 * refusal then arrives as the alert itself (unknown CA, certificate required); silence for a few
 * round trips means the certificate was accepted and the reset was the network's.
 */
export function diagnoseClientCertificate(connection: PlatformConnection, timeoutMs: number, signal?: AbortSignal): Promise<ClientCertificateVerdict> {
  const url = new URL(connection.url);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || 443);
  return new Promise((resolve) => {
    const started = Date.now();
    let settled = false;
    let listen: NodeJS.Timeout | undefined;
    const finish = (verdict: ClientCertificateVerdict) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      clearTimeout(listen);
      socket.destroy();
      resolve(verdict);
    };
    const socket = tls.connect({
      host,
      port,
      servername: isIP(host) ? undefined : host,
      ca: connection.ca,
      cert: connection.cert,
      key: connection.key,
      pfx: connection.pfx,
      passphrase: connection.passphrase,
    });
    const deadline = setTimeout(() => finish('unknown'), timeoutMs);
    signal?.addEventListener('abort', () => finish('unknown'), { once: true });
    socket.on('secureConnect', () => {
      // The alert comes about one round trip after our side finished; wait a few.
      const handshakeMs = Date.now() - started;
      listen = setTimeout(() => finish('accepted'), Math.min(timeoutMs, Math.max(100, 3 * handshakeMs)));
    });
    socket.on('data', () => finish('accepted'));
    socket.on('error', (err: NodeJS.ErrnoException) => {
      const code = err.code ?? '';
      if (/^ERR_SSL_.*ALERT/.test(code) || (socket.authorized && (code === 'ECONNRESET' || code === 'EPIPE'))) finish('refused');
      else finish('unknown');
    });
    socket.on('close', () => finish(socket.authorized ? 'refused' : 'unknown'));
  });
}
