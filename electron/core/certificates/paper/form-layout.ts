import { z } from 'zod';

/**
 * Where each variable text of a certificate goes on the pre-printed form: data, not code, so an
 * office whose forms or printers differ adjusts a box without a release (stored per office,
 * form-layout-store.ts). Millimetres from the sheet's top-left corner, x to the right, y downwards:
 * the axes of the printer calibration (native/printer/calibration.ts) and of the grid.
 *
 * Source of the default (2015 national 不动产权证书 form, 国土资源部 监制): the FastReport print
 * template a public vendor implementation uses for printing certificates on the form —
 * gtmap's `realestate/register-ui/src/main/webapp/static/printModel/zs.fr3` (GitHub
 * yanFranklin/bdc20230104, commit 74c33e7a). It prints on A3 landscape (PaperWidth 420,
 * PaperHeight 297 mm, 10 mm margins), two sides: page 1 the certificate's inner spread (证号 line,
 * the field column 权利人 … 权利其他状况, 附记 on the facing page), page 2 the 登记机构 page (二维码,
 * 年 月 日). Its object positions are FastReport pixels (96 per inch) from the margin; converted here
 * as mm = 10 + px × 25.4 / 96, rounded to 0.1 mm; its 黑体 16 px is 12 pt, 13 px ≈ 9.75 pt.
 * APPROXIMATE: one vendor's template for its customers' forms and printers, not the 监制 drawing
 * itself (not public); check it with the calibration grid on a real form and adjust per office.
 */

export const FORM_FIELDS = [
  'provinceShort',
  'year',
  'cityCounty',
  'sequence',
  'holders',
  'coOwnership',
  'location',
  'unitCode',
  'rightType',
  'rightNature',
  'use',
  'area',
  'term',
  'otherStatus',
  'notes',
  'issueYear',
  'issueMonth',
  'issueDay',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export const FORM_FIELD_LABELS: Record<FormField | 'qrCode', string> = {
  provinceShort: '省简称',
  year: '年份',
  cityCounty: '市县',
  sequence: '证号流水号',
  holders: '权利人',
  coOwnership: '共有情况',
  location: '坐落',
  unitCode: '不动产单元号',
  rightType: '权利类型',
  rightNature: '权利性质',
  use: '用途',
  area: '面积',
  term: '使用期限',
  otherStatus: '权利其他状况',
  notes: '附记',
  issueYear: '年',
  issueMonth: '月',
  issueDay: '日',
  qrCode: '二维码',
};

const mm = z.number().min(0).max(500);
const boxSchema = z.object({ x: mm, y: mm, width: z.number().positive().max(500), height: z.number().positive().max(500) }).strict();

export const textBoxSchema = boxSchema
  .extend({
    field: z.enum(FORM_FIELDS),
    /** Preferred size in points; long values shrink (down to 7 pt) and wrap inside the box. */
    fontPt: z.number().min(6).max(24),
    /** Single-line fields are centred vertically (the form's cell); multi-line ones start at the top. */
    vAlign: z.enum(['top', 'center']),
  })
  .strict();
export type TextBox = z.infer<typeof textBoxSchema>;

export const formLayoutSchema = z
  .object({
    name: z.string().min(1).max(60),
    /** The sheet, in millimetres, as the printer is fed (A3 landscape for the certificate). */
    pageWidthMm: z.number().min(50).max(500),
    pageHeightMm: z.number().min(50).max(500),
    /** CUPS media for the sheet, in the orientation it is fed (`Custom.420x297mm`: named A3 would be portrait, and CUPS would turn the page). */
    media: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/),
    /** One entry per side of the sheet, printed as consecutive PDF pages (duplex or fed twice). */
    pages: z
      .array(z.object({ texts: z.array(textBoxSchema).max(40), qrCode: boxSchema.nullable() }).strict())
      .min(1)
      .max(4),
    source: z.string().max(400),
  })
  .strict();
export type FormLayout = z.infer<typeof formLayoutSchema>;

const line = (field: FormField, x: number, y: number, width: number, height: number, fontPt = 12): TextBox => ({ field, x, y, width, height, fontPt, vAlign: 'center' });

export const CERTIFICATE_FORM_2015: FormLayout = {
  name: '不动产权证书（2015 版）',
  pageWidthMm: 420,
  pageHeightMm: 297,
  media: 'Custom.420x297mm',
  pages: [
    {
      texts: [
        line('provinceShort', 17.9, 10.7, 13.0, 5.0),
        line('year', 32.2, 10.7, 14.0, 5.0),
        line('cityCounty', 56.5, 9.9, 25.0, 5.0),
        line('sequence', 114.8, 9.4, 25.0, 5.0),
        line('holders', 36.9, 18.7, 109.0, 14.0),
        line('coOwnership', 37.1, 32.1, 109.0, 14.0),
        line('location', 36.8, 45.9, 109.0, 13.0),
        line('unitCode', 36.9, 58.5, 109.0, 14.0),
        line('rightType', 36.9, 72.5, 109.0, 13.0),
        line('rightNature', 36.9, 87.6, 109.0, 12.0),
        line('use', 36.9, 99.9, 109.0, 14.0),
        line('area', 36.9, 114.3, 109.0, 12.0),
        line('term', 36.9, 127.3, 109.0, 14.0),
        { field: 'otherStatus', x: 36.9, y: 142.5, width: 109.0, height: 73.0, fontPt: 12, vAlign: 'center' },
        { field: 'notes', x: 179.2, y: 20.6, width: 144.0, height: 168.0, fontPt: 9.75, vAlign: 'top' },
      ],
      qrCode: null,
    },
    {
      texts: [line('issueYear', 185.0, 152.0, 10.0, 5.0, 9.75), line('issueMonth', 215.0, 152.0, 11.0, 5.0, 9.75), line('issueDay', 246.0, 152.0, 10.0, 5.0, 9.75)],
      qrCode: { x: 216.0, y: 20.0, width: 34.0, height: 30.0 },
    },
  ],
  source: 'gtmap zs.fr3 (GitHub yanFranklin/bdc20230104 @74c33e7a, realestate/register-ui/.../printModel/zs.fr3), converted from FastReport px; approximate',
};
