import type { ECertificateRenditions } from './e-certificate-renditions';

/**
 * The built-in renditions: the OFD writer and layout (cert-ofd) and the office seal (cert-seal).
 * Until both are part of this build there are none: 登簿 still stores its result and every
 * e-certificate waits, pending, for a build that can produce it (the duty retries).
 */
export function defaultRenditions(): ECertificateRenditions | null {
  return null;
}
