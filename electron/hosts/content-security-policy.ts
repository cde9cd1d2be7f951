/**
 * The renderer's Content-Security-Policy. Only the app's own bundled code runs; inline styles
 * are allowed because the UI library (antd) injects them at run time; images may be data/blob
 * URLs (ID card photos, signatures, scans held in memory). No plugins, no <base>, no framing and
 * no form posts: the UI talks to the back end only through window.bdc.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
