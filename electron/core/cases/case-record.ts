/** A case as the core works with it: the row and its parties, units, materials and fees. */
export type CaseStatus =
  | 'draft'
  | 'accepted'
  | 'submitted'
  | 'reviewing'
  | 'requisitioned'
  | 'approved'
  | 'registered'
  | 'certified'
  | 'delivered'
  | 'closed'
  | 'rejected'
  | 'withdrawn';

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
}

export interface Unit {
  ordinal: number;
  unitCode: string;
  address: string;
  use: UnitUse;
  areaM2: number | null;
}

export interface Material {
  materialId: string;
  name: string;
  required: boolean;
  received: boolean;
  copies: number;
  files: Array<{ blobHash: string; fileName: string }>;
}

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
  status: CaseStatus;
  coOwnership: CoOwnership | null;
  tracks: { registration: TrackStatus; transaction: TrackStatus; tax: TrackStatus };
  feeTotalFen: number;
  feeOverrideReason: string | null;
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
