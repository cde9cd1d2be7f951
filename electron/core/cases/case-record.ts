import type { ApplicationInput, CaseStatusValue } from '../../contract';

/** A case as the core works with it: the row and its parties, units, materials and fees. */
export type CaseStatus = CaseStatusValue;

export type PartyRole = 'holder' | 'obligor' | 'agent';
export type CoOwnership = 'sole' | 'joint' | 'shares';
export type UnitUse = 'residential' | 'nonResidential' | 'parking';
export type TrackStatus = string;

export interface Party {
  ordinal: number;
  role: PartyRole;
  name: string;
  idType: string;
  idNumber: string;
  phone: string | null;
  /** 按份共有 share as entered (50%, 33.33%, 1/3); checked exactly by checkCoOwnership. */
  share: string | null;
  signatureBlob: string | null;
  signedAt: string | null;
  /** 通讯地址 (masked free text) and 邮编. */
  address: string | null;
  postalCode: string | null;
  /** 法定代表人 / 负责人 of an organisation (their ID number sealed at rest). */
  legalRepresentative: LegalRepresentative | null;
  /** For an agent: the ordinals of the parties who appointed them (授权委托书). */
  actsFor: number[];
  /** 代理机构 the agent works for. */
  agency: { name: string; creditCode: string | null } | null;
  /** An organisation's electronic seal on the application (e-seal.ts). */
  seal: SealRecord | null;
}

export interface LegalRepresentative {
  title: 'legalRepresentative' | 'responsiblePerson';
  name: string;
  idNumber: string;
}

/** What an e-seal left on a case: enough to verify the signature again later. */
export interface SealRecord {
  organisationName: string;
  creditCode: string;
  /** The seal image as a blob. */
  sealImageBlob: string;
  publicKeyHex: string;
  /** SM3 of the application's canonical content at sealing time. */
  digestHex: string;
  /** SM2 signature (DER-less r||s hex, sm-crypto-v2 default) over the digest, with the SM3 user-id preprocessing. */
  signatureHex: string;
  sealedAt: string;
}

export interface Unit {
  ordinal: number;
  unitCode: string;
  address: string;
  use: UnitUse;
  /** Square metres (from `area` when that was given in 亩 or 公顷). */
  areaM2: number | null;
  area: { value: number; unit: 'm2' | 'mu' | 'hectare' } | null;
  realEstateType: 'land' | 'house' | 'structure' | 'forest' | 'sea' | 'other' | null;
  /** 规划用途 as the documents say it (the fee class is `use`). */
  plannedUse: string | null;
  previousCertificateNumber: string | null;
  previousCertificateCheck: 'notGiven' | 'unparsable' | 'notChecked' | 'matched' | 'notMatched';
}

export interface Material {
  materialId: string;
  name: string;
  required: boolean;
  received: boolean;
  copies: number;
  /** 原件 or 复印件, and the number of pages (the receipt lists them). */
  form: 'original' | 'copy' | null;
  pages: number | null;
  files: Array<{ blobHash: string; fileName: string }>;
}

/** The case-level parts of the 申请书 (登记原因, mortgage, 领证方式 …), as stored (free text masked). */
export type Application = ApplicationInput;

export interface FeeLine {
  code: string;
  name: string;
  amountFen: number;
}

export interface CaseRecord {
  id: number;
  caseNumber: string | null;
  /** 统一受理编号, from the platform's `case.received`. */
  officialNumber: string | null;
  /** E-certificate numbers from the platform's `registered` (登簿). */
  certificateNumbers: string[];
  businessType: string;
  /** 登记类型 × 权利类型 of the registration catalogue. */
  registrationType: string | null;
  rightType: string | null;
  status: CaseStatus;
  coOwnership: CoOwnership | null;
  tracks: { registration: TrackStatus; transaction: TrackStatus; tax: TrackStatus };
  feeTotalFen: number;
  feeOverrideReason: string | null;
  /** Who pays: the 权利人 (for a mortgage the 抵押权人). */
  feePayer: string | null;
  requisitionDeadline: string | null;
  /** 告知书编号 of a notice given before acceptance (notice-number.ts), or null. */
  noticeNumber: string | null;
  /** Legal ground ids of a 不予受理 / 不予登记 decision. */
  decisionGroundIds: string[];
  application: Application;
  promisedDate: string | null;
  createdAt: string;
  createdBy: string;
  acceptedAt: string | null;
  acceptedBy: string | null;
  updatedAt: string;
  statusReason: string | null;
  parties: Party[];
  units: Unit[];
  materials: Material[];
  fees: FeeLine[];
}
