import { sm3WithSm2Sign } from './sm2-signing';

/**
 * The office's electronic seal as signing code sees it: the seal's name and image, the office's
 * seal certificate, the SES_Seal (Seal.esl) the seal maker issued, and a signer that holds the
 * private key without handing it out. `sign` takes the message (not a digest): SM3withSM2 hashes
 * Z‖message itself (GB/T 32918.2), so a pre-computed digest would be signed wrongly.
 */
export interface OfficeSeal {
  name: string;
  imagePng: Uint8Array;
  certificateDer: Uint8Array;
  sealDer: Uint8Array;
  publicKeyHex: string;
  sign(message: Uint8Array): Uint8Array;
}

export function officeSealFromKey(o: {
  name: string;
  imagePng: Uint8Array;
  certificateDer: Uint8Array;
  sealDer: Uint8Array;
  privateKeyHex: string;
  publicKeyHex: string;
}): OfficeSeal {
  const { privateKeyHex, ...pub } = o;
  return { ...pub, sign: (message) => sm3WithSm2Sign(message, privateKeyHex, o.publicKeyHex) };
}
