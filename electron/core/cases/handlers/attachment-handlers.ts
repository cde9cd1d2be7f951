import { AppError } from '../../../contract';
import type { Handler } from '../../handler';
import { caseWrites } from '../case-repository';
import { performAction } from '../transition';
import { businessTypeOf, committedView, loadCase } from './case-context';

const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
};
const TYPE_NAMES: Record<string, string> = { 'application/pdf': 'PDF', 'image/png': 'PNG 图片', 'image/jpeg': 'JPEG 图片' };

/** A scan of a material, stored by its SM3 hash; part of editing the application (the `edit` row). */
export const attachFile: Handler<'cases.attachFile'> = (ctx, input) => {
  const c = loadCase(ctx, input.id);
  const type = businessTypeOf(ctx, c.businessType);
  if (c.status !== 'draft' && c.status !== 'requisitioned') throw new AppError('CASE_NOT_EDITABLE', '已受理的业务不能再添加材料。');
  const material = c.materials.find((m) => m.materialId === input.materialId);
  if (!material) throw new AppError('CASE_MATERIAL_UNKNOWN', undefined, { materialId: input.materialId });
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length === 0 || bytes.length > MAX_ATTACHMENT_BYTES) throw new AppError('ATTACHMENT_TOO_LARGE', undefined, { bytes: bytes.length });
  // The content must be what the name says: a renamed executable is not a scan.
  if (!MAGIC[input.mediaType](bytes)) {
    throw new AppError('ATTACHMENT_TYPE_MISMATCH', `文件内容不是 ${TYPE_NAMES[input.mediaType]}，请检查文件。`, { mediaType: input.mediaType });
  }
  performAction(ctx, c, type, 'edit', {
    auditAction: 'cases.attachFile',
    detail: { materialId: material.materialId, bytes: bytes.length },
    write: (db) => {
      const hash = ctx.services.blobs.put(db, bytes, input.mediaType, ctx.now);
      caseWrites.attachFile(db, c.id, material.materialId, hash, input.fileName);
    },
  });
  return committedView(ctx, c.id, type);
};
