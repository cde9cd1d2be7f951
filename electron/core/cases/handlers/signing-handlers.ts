import { AppError } from '../../../contract';
import type { Handler } from '../../handler';
import { applicationDigest } from '../application-digest';
import { caseWrites } from '../case-repository';
import { readESealFile, signWithESeal } from '../e-seal';
import { padPrompt } from '../pad-prompt';
import { performAction } from '../transition';
import { businessTypeOf, committedView, loadCase } from './case-context';

/** A party signs on the pad; the strokes are stored as a blob (the `sign` row). */
export const signParty: Handler<'cases.signParty'> = async (ctx, input) => {
  const c = loadCase(ctx, input.id);
  const type = businessTypeOf(ctx, c.businessType);
  if (c.status !== 'draft' && c.status !== 'requisitioned') throw new AppError('CASE_NOT_EDITABLE');
  const party = c.parties.find((p) => p.ordinal === input.ordinal);
  if (!party) throw new AppError('PARTY_NOT_FOUND', undefined, { ordinal: input.ordinal });
  const capture = await ctx.services.devices.captureSignatureStrokes(padPrompt(c, party, type.name), input.timeoutSeconds * 1000);
  // The pad took time: the case is read again so a change made meanwhile is not overwritten.
  const now = loadCase(ctx, c.id);
  performAction(ctx, now, type, 'sign', {
    detail: { ordinal: party.ordinal, strokes: capture.strokes.length },
    write: (db) => {
      const hash = ctx.services.blobs.put(db, Buffer.from(JSON.stringify(capture)), 'application/vnd.bdc.signature+json', ctx.now);
      caseWrites.setSignature(db, c.id, party.ordinal, hash, ctx.now);
    },
  });
  return committedView(ctx, c.id, type);
};

/**
 * An organisation's e-seal on the application (e-seal.ts): the file must be the organisation's
 * (its 统一社会信用代码), the PIN opens the seal key for this call only, and the key signs the SM3
 * digest of the application as saved. The seal image is stored as a blob for the 申请书.
 */
export const applySeal: Handler<'cases.applySeal'> = (ctx, input) => {
  const c = loadCase(ctx, input.id);
  const type = businessTypeOf(ctx, c.businessType);
  if (c.status !== 'draft' && c.status !== 'requisitioned') throw new AppError('CASE_NOT_EDITABLE');
  const party = c.parties.find((p) => p.ordinal === input.ordinal);
  if (!party) throw new AppError('PARTY_NOT_FOUND', undefined, { ordinal: input.ordinal });
  if (party.idType !== 'organization') throw new AppError('SEAL_NOT_FOR_PERSON');
  const file = readESealFile(input.sealFileBase64);
  if (file.creditCode.toUpperCase() !== party.idNumber.toUpperCase()) {
    throw new AppError('SEAL_ORGANISATION_MISMATCH', `电子印章属于“${file.organisationName}”（${file.creditCode}），与申请人${party.name}的统一社会信用代码不一致。`);
  }
  const digestHex = applicationDigest(c);
  const signatureHex = signWithESeal(file, input.pin, digestHex, ctx.now);
  performAction(ctx, c, type, 'applySeal', {
    detail: { ordinal: party.ordinal, organisation: file.organisationName, creditCode: file.creditCode, digest: digestHex },
    write: (db) => {
      const sealImageBlob = ctx.services.blobs.put(db, Buffer.from(file.sealImagePngBase64, 'base64'), 'image/png', ctx.now);
      caseWrites.setSeal(db, c.id, party.ordinal, {
        organisationName: file.organisationName,
        creditCode: file.creditCode,
        sealImageBlob,
        publicKeyHex: file.publicKeyHex,
        digestHex,
        signatureHex,
        sealedAt: ctx.now.toISOString(),
      });
    },
  });
  return committedView(ctx, c.id, type);
};
