import type { CertificateFacts } from './certificate-facts';

/**
 * What producing an e-certificate needs from the OFD writer (cert-ofd) and the seal (cert-seal),
 * as one port: the 证照标识 (GB/T 36904, with its ISO 7064 MOD 37,36 check character), and the
 * sealed OFD package with its PDF rendition carrying the same signed 2D code. The flow
 * (e-certificate-producer.ts) depends on this port only, so a failing renderer or seal is a
 * retried production, never a lost 登簿, and tests can make it fail on purpose.
 */
export interface ECertificateRenditions {
  identifier(args: { typeCode: string; authorityCode: string; serial: string }): string;
  /** The zipped, signed OFD package and the PDF rendition of one certificate or proof. */
  render(facts: CertificateFacts, identifier: string, at: Date): Promise<{ ofd: Uint8Array; pdf: Uint8Array }>;
}

/** Raised when no rendition is available on this build (the production stays pending and is retried). */
export class RenditionsUnavailable extends Error {
  constructor() {
    super('电子证照生成组件（OFD 版式与电子印章）尚未就绪');
    this.name = 'RenditionsUnavailable';
  }
}
