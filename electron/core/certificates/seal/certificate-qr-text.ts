import type { CertificateFacts } from '../certificate-facts';
import { sm3Hex } from '../../crypto/sm3';
import type { OfficeSeal } from './office-seal';
import { sm3WithSm2Verify } from './sm2-signing';

/**
 * The signed 2D-code text both renditions carry (the scheme the receipts already use, not PAdES:
 * a phone or the kiosk can check it offline from the code alone, and the PDF needs no signature
 * dictionary an SM2-unaware reader would flag as broken):
 *   BDCZZ1|{证照标识}|{证号}|{颁发日期}|{SM3 of the facts, canonical JSON}|{SM3withSM2 signature, base64 DER}
 * The signature covers the UTF-8 of everything before the last '|', by the office seal key.
 */
export const QR_PREFIX = 'BDCZZ1';

/** Canonical JSON: keys sorted at every level, no spaces (so the digest does not depend on key order). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function factsDigest(facts: CertificateFacts): string {
  return sm3Hex(canonicalJson(facts));
}

export function certificateQrText(facts: CertificateFacts, identifier: string, seal: OfficeSeal): string {
  const body = [QR_PREFIX, identifier, facts.number, facts.issueDate, factsDigest(facts)].join('|');
  return `${body}|${Buffer.from(seal.sign(Buffer.from(body, 'utf8'))).toString('base64')}`;
}

export interface ParsedQrText {
  identifier: string;
  number: string;
  issueDate: string;
  factsSm3: string;
  body: string;
  signature: Uint8Array;
}

export function parseQrText(text: string): ParsedQrText | null {
  const parts = text.split('|');
  if (parts.length !== 6 || parts[0] !== QR_PREFIX || !/^[0-9a-f]{64}$/.test(parts[4]!)) return null;
  return {
    identifier: parts[1]!,
    number: parts[2]!,
    issueDate: parts[3]!,
    factsSm3: parts[4]!,
    body: parts.slice(0, 5).join('|'),
    signature: Buffer.from(parts[5]!, 'base64'),
  };
}

export function qrSignatureValid(q: ParsedQrText, publicKeyHex: string): boolean {
  return sm3WithSm2Verify(Buffer.from(q.body, 'utf8'), q.signature, publicKeyHex);
}
