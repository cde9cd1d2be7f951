import { randomBytes } from 'node:crypto';
import { issueSm2Certificate, type Sm2Name } from './sm2-x509';
import { SEAL_TYPE_OFFICIAL, encodeSesSeal, sealMakerTbs, type SealInfo } from './ses-structures';
import { sm3WithSm2Sign } from './sm2-signing';

/**
 * The seal maker's side (制章): the province seal CA issues an office's seal certificate for the
 * office's SM2 public key, then makes the SES_Seal binding that certificate to the office's name and
 * seal image, signed with the CA key. The stand-in runs this in training set-up; tests run it
 * directly. In production the province's seal system does it and the office only imports the result.
 */
export interface SealAuthority {
  name: Sm2Name;
  privateKeyHex: string;
  publicKeyHex: string;
  certificateDer: Uint8Array;
}

/** Vendor id (Vid) written into SES_Header: who made the seal data. */
export const SEAL_VID = 'BDC-TRAINING';

export function makeSealAuthority(o: { name: Sm2Name; privateKeyHex: string; publicKeyHex: string; notBefore: Date; notAfter: Date }): SealAuthority {
  const certificateDer = issueSm2Certificate({
    subject: o.name,
    issuer: o.name,
    subjectPublicKeyHex: o.publicKeyHex,
    issuerPrivateKeyHex: o.privateKeyHex,
    issuerPublicKeyHex: o.publicKeyHex,
    serialHex: '01',
    notBefore: o.notBefore,
    notAfter: o.notAfter,
    ca: true,
  });
  return { name: o.name, privateKeyHex: o.privateKeyHex, publicKeyHex: o.publicKeyHex, certificateDer };
}

export interface IssuedSeal {
  certificateDer: Uint8Array;
  sealDer: Uint8Array;
}

export function issueOfficeSeal(
  ca: SealAuthority,
  o: { officeName: string; officePublicKeyHex: string; imagePng: Uint8Array; validStart: Date; validEnd: Date; now: Date; esId?: string },
): IssuedSeal {
  const certificateDer = issueSm2Certificate({
    subject: { commonName: o.officeName, country: 'CN' },
    issuer: ca.name,
    subjectPublicKeyHex: o.officePublicKeyHex,
    issuerPrivateKeyHex: ca.privateKeyHex,
    issuerPublicKeyHex: ca.publicKeyHex,
    serialHex: '7' + randomBytes(8).toString('hex'),
    notBefore: o.validStart,
    notAfter: o.validEnd,
    ca: false,
  });
  const info: SealInfo = {
    vid: SEAL_VID,
    esId: o.esId ?? randomBytes(8).toString('hex').toUpperCase(),
    type: SEAL_TYPE_OFFICIAL,
    name: o.officeName,
    certs: [certificateDer],
    createDate: o.now,
    validStart: o.validStart,
    validEnd: o.validEnd,
    picture: { type: 'PNG', data: o.imagePng, widthMm: 42, heightMm: 42 },
  };
  const signedValue = sm3WithSm2Sign(sealMakerTbs(info, ca.certificateDer), ca.privateKeyHex, ca.publicKeyHex);
  return { certificateDer, sealDer: encodeSesSeal(info, ca.certificateDer, signedValue) };
}
