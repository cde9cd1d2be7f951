import { sm2 } from 'sm-crypto-v2';

/**
 * SM3withSM2 (GB/T 32918.2 with the Z value of GB/T 35276: user ID 1234567812345678, the default
 * every SM2 certificate and seal verifier assumes). Signatures are DER SEQUENCE { r, s }, the form
 * X.509 and GB/T 38540 carry. sm-crypto-v2 is used because Electron's BoringSSL has no SM2.
 */
export const OID_SM3_WITH_SM2 = '1.2.156.10197.1.501';
export const OID_SM2_CURVE = '1.2.156.10197.1.301';
export const OID_EC_PUBLIC_KEY = '1.2.840.10045.2.1';
export const OID_SM3 = '1.2.156.10197.1.401';
export const SM2_USER_ID = '1234567812345678';

const PUBLIC_KEY = /^04[0-9a-f]{128}$/;

export function sm2KeyPair(): { privateKeyHex: string; publicKeyHex: string } {
  const k = sm2.generateKeyPairHex();
  return { privateKeyHex: k.privateKey, publicKeyHex: k.publicKey };
}

export function sm2PublicKeyOf(privateKeyHex: string): string {
  return sm2.getPublicKeyFromPrivateKey(privateKeyHex);
}

export function sm3WithSm2Sign(message: Uint8Array, privateKeyHex: string, publicKeyHex: string): Uint8Array {
  const hex = sm2.doSignature(message, privateKeyHex, { der: true, hash: true, publicKey: publicKeyHex, userId: SM2_USER_ID });
  return Buffer.from(hex, 'hex');
}

/** False (never throws) for a malformed key or signature: a verifier reports, it does not crash. */
export function sm3WithSm2Verify(message: Uint8Array, signatureDer: Uint8Array, publicKeyHex: string): boolean {
  if (!PUBLIC_KEY.test(publicKeyHex.toLowerCase())) return false;
  try {
    return sm2.doVerifySignature(message, Buffer.from(signatureDer).toString('hex'), publicKeyHex.toLowerCase(), { der: true, hash: true, userId: SM2_USER_ID });
  } catch {
    return false;
  }
}
