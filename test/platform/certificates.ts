// @peculiar/x509 reads its ASN.1 schemas through decorator metadata: this import must come first.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes, webcrypto } from 'node:crypto';
import { join, resolve } from 'node:path';

/**
 * The stand-in's PKI for mutual TLS: a development CA that issues the platform's server certificate
 * and the workstations' client certificates (API.md "Transport and identity"). ECDSA P-256 with
 * SHA-256: a CA and a leaf take tens of milliseconds, so every test can have its own.
 */
x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const;
const DAY_MS = 24 * 60 * 60 * 1000;
/** A dev CA outlives every certificate it issues; leaves follow the CA/B 825-day ceiling. */
const CA_VALID_DAYS = 3650;
const LEAF_VALID_DAYS = 825;
/** Reissue a leaf this close to its expiry, so a long-lived training install never starts with a dead certificate. */
const RENEW_BEFORE_DAYS = 30;

export interface CertificateAuthority {
  cn: string;
  certPem: string;
  keyPem: string;
  certificate: x509.X509Certificate;
  keys: CryptoKeyPair;
}

export interface IssuedCertificate {
  certPem: string;
  keyPem: string;
}

export interface IssueOptions {
  cn: string;
  /** server: SAN 127.0.0.1 + localhost, EKU serverAuth. client: EKU clientAuth (the CN names the workstation). */
  kind: 'server' | 'client';
  validDays?: number;
}

/** What the platform serves with and what a workstation needs to reach it; `files` are absolute paths. */
export interface PlatformCertificates {
  dir: string;
  caPem: string;
  serverCertPem: string;
  serverKeyPem: string;
  clientCertPem: string;
  clientKeyPem: string;
  files: { ca: string; clientCert: string; clientKey: string };
}

export async function createCertificateAuthority(cn: string): Promise<CertificateAuthority> {
  const keys = await generateKeys();
  const name = distinguishedName(cn);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name,
    ...validity(CA_VALID_DAYS),
    signingAlgorithm: SIGNING,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cn, certPem: certificate.toString('pem'), keyPem: await exportKeyPem(keys.privateKey), certificate, keys };
}

export async function issueCertificate(ca: CertificateAuthority, options: IssueOptions): Promise<IssuedCertificate> {
  const keys = await generateKeys();
  const server = options.kind === 'server';
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyAgreement, true),
    new x509.ExtendedKeyUsageExtension([server ? x509.ExtendedKeyUsage.serverAuth : x509.ExtendedKeyUsage.clientAuth], false),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    await x509.AuthorityKeyIdentifierExtension.create(ca.keys.publicKey),
  ];
  if (server) {
    // Node checks the host name against the SAN only (never the CN): the platform is reached as 127.0.0.1 or localhost.
    extensions.push(new x509.SubjectAlternativeNameExtension([{ type: 'ip', value: '127.0.0.1' }, { type: 'dns', value: 'localhost' }]));
  }
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: distinguishedName(options.cn),
    issuer: ca.certificate.subject,
    ...validity(options.validDays ?? LEAF_VALID_DAYS),
    signingAlgorithm: SIGNING,
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    extensions,
  });
  return { certPem: certificate.toString('pem'), keyPem: await exportKeyPem(keys.privateKey) };
}

/**
 * The development PKI in `dir`: made on first start (CA, server and one client certificate), reused
 * on later starts so a workstation configured once keeps working. A leaf near its expiry, or a client
 * certificate for another CN, is reissued from the stored CA; a missing CA remakes everything.
 */
export async function ensureDevCertificates(dir: string, options: { clientCn?: string } = {}): Promise<PlatformCertificates> {
  const clientCn = options.clientCn ?? '430102-A7';
  const paths = certificatePaths(dir);
  mkdirSync(paths.dir, { recursive: true });

  let ca = await loadCertificateAuthority(paths.ca, paths.caKey);
  const fresh = ca === null;
  if (!ca) {
    ca = await createCertificateAuthority('BDC Platform Stand-in Dev CA');
    writeCertificateFiles(paths.ca, paths.caKey, ca);
  }
  if (fresh || !isUsable(paths.server, paths.serverKey, ca)) {
    writeCertificateFiles(paths.server, paths.serverKey, await issueCertificate(ca, { cn: 'platform.localhost', kind: 'server' }));
  }
  if (fresh || !isUsable(paths.client, paths.clientKey, ca, clientCn)) {
    writeCertificateFiles(paths.client, paths.clientKey, await issueCertificate(ca, { cn: clientCn, kind: 'client' }));
  }
  return readPlatformCertificates(paths.dir);
}

/** Reads the PEM files ensureDevCertificates writes (also for a set written by hand in the same layout). */
export function readPlatformCertificates(dir: string): PlatformCertificates {
  const paths = certificatePaths(dir);
  return {
    dir: paths.dir,
    caPem: readFileSync(paths.ca, 'utf8'),
    serverCertPem: readFileSync(paths.server, 'utf8'),
    serverKeyPem: readFileSync(paths.serverKey, 'utf8'),
    clientCertPem: readFileSync(paths.client, 'utf8'),
    clientKeyPem: readFileSync(paths.clientKey, 'utf8'),
    files: { ca: paths.ca, clientCert: paths.client, clientKey: paths.clientKey },
  };
}

/** The subject CN of a PEM certificate (the workstation's name for a client certificate). */
export function certificateCn(certPem: string): string | null {
  const cn = new x509.X509Certificate(certPem).subjectName.getField('CN');
  return cn[0] ?? null;
}

function certificatePaths(dir: string) {
  const root = resolve(dir);
  return {
    dir: root,
    ca: join(root, 'ca.pem'),
    caKey: join(root, 'ca-key.pem'),
    server: join(root, 'server.pem'),
    serverKey: join(root, 'server-key.pem'),
    client: join(root, 'client.pem'),
    clientKey: join(root, 'client-key.pem'),
  };
}

async function loadCertificateAuthority(certFile: string, keyFile: string): Promise<CertificateAuthority | null> {
  if (!existsSync(certFile) || !existsSync(keyFile)) return null;
  try {
    const certPem = readFileSync(certFile, 'utf8');
    const keyPem = readFileSync(keyFile, 'utf8');
    const certificate = new x509.X509Certificate(certPem);
    if (certificate.notAfter.getTime() - Date.now() < RENEW_BEFORE_DAYS * DAY_MS) return null;
    const privateKey = await webcrypto.subtle.importKey('pkcs8', x509.PemConverter.decodeFirst(keyPem), ALGORITHM, true, ['sign']);
    const publicKey = await certificate.publicKey.export(ALGORITHM, ['verify']);
    return { cn: certificate.subjectName.getField('CN')[0] ?? '', certPem, keyPem, certificate, keys: { privateKey, publicKey } };
  } catch {
    // An unreadable CA (truncated file, foreign key type) is remade rather than left to break every start.
    return null;
  }
}

/** A leaf is reused when it exists, was issued by this CA, is not near expiry and (for clients) names the wanted CN. */
function isUsable(certFile: string, keyFile: string, ca: CertificateAuthority, cn?: string): boolean {
  if (!existsSync(certFile) || !existsSync(keyFile)) return false;
  try {
    const certificate = new x509.X509Certificate(readFileSync(certFile, 'utf8'));
    if (certificate.issuer !== ca.certificate.subject) return false;
    if (certificate.notAfter.getTime() - Date.now() < RENEW_BEFORE_DAYS * DAY_MS) return false;
    return cn === undefined || certificate.subjectName.getField('CN')[0] === cn;
  } catch {
    return false;
  }
}

function writeCertificateFiles(certFile: string, keyFile: string, issued: IssuedCertificate): void {
  writeFileSync(certFile, issued.certPem);
  // A private key is readable by its owner only, as a real deployment would keep it.
  writeFileSync(keyFile, issued.keyPem, { mode: 0o600 });
  chmodSync(keyFile, 0o600); // `mode` applies only when the file is created, not when it is overwritten
}

function generateKeys(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
}

async function exportKeyPem(key: CryptoKey): Promise<string> {
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(pkcs8, 'PRIVATE KEY');
}

function distinguishedName(cn: string): string {
  // The CN is quoted so a name with a comma or an equals sign cannot smuggle in another attribute.
  return `CN="${cn.replace(/(["\\])/g, '\\$1')}", O=BDC Platform Stand-in, C=CN`;
}

/** 16 random bytes with the top bit clear: a positive INTEGER as RFC 5280 asks, unique per certificate. */
function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] &= 0x7f;
  return bytes.toString('hex');
}

function validity(days: number): { notBefore: Date; notAfter: Date } {
  // Back-dated a day so a machine with a slightly slow clock accepts a certificate made seconds ago.
  const now = Date.now();
  return { notBefore: new Date(now - DAY_MS), notAfter: new Date(now + days * DAY_MS) };
}
