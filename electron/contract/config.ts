import { z } from 'zod';
import { configurableBusinessTypesSchema } from './validation/business-type-config';
import { catalogConfigSchema } from './validation/catalog-config';
import { DEFAULT_SUPPLEMENT_WORKING_DAYS, supplementDeadlineSchema } from './validation/legal-grounds';
import { DEFAULT_FEE_SCHEDULE, feeScheduleSchema } from './validation/fee-schedule';
import { EMPTY_HOLIDAY_CALENDAR, holidayCalendarSchema } from './validation/holiday-calendar';
import { workstationIdSchema } from './validation/workstation-id';
import { DEFAULT_CERTIFICATES_CONFIG, certificatesConfigSchema } from './certificate-config';

/**
 * The workstation configuration file (`config.json` in the data folder). Every key has a
 * default, so a missing file means training mode with simulators. `.strict()` makes a typo an
 * error that names the field instead of a silently ignored key.
 */
export const officeCodeSchema = z.string().regex(/^\d{6}$/);

export const securityConfigSchema = z
  .object({
    /** Lock the screen after this many seconds without user input (等保: at most 10 minutes). */
    idleLockSeconds: z.number().int().min(5).max(600).default(600),
    maxFailedLogins: z.number().int().min(3).max(10).default(5),
    lockoutMinutes: z.number().int().min(10).max(1440).default(10),
    /** A password older than this must be changed at the next login (等保: periodic change). */
    passwordMaxAgeDays: z.number().int().min(30).max(365).default(90),
    /**
     * Desktop app on Linux: start even though the OS keystore is Chromium's 'basic_text' fallback
     * (the data keys then have no protection beyond the file). Only an administrator who accepts that.
     */
    allowPlaintextKeystore: z.boolean().default(false),
  })
  .strict();

/**
 * Where a device is: 'sim' (the simulator, the training-mode default), 'none', a serial path
 * (/dev/ttyUSB0, COM3) or a USB identity, which survives the device moving to another socket.
 */
export const deviceLocationSchema = z.union([
  z.enum(['sim', 'none']),
  z.object({ path: z.string().min(1) }).strict(),
  z
    .object({
      usb: z
        .object({
          vendorId: z.string().regex(/^(0x)?[0-9a-fA-F]{1,4}$/),
          productId: z.string().regex(/^(0x)?[0-9a-fA-F]{1,4}$/),
          serialNumber: z.string().min(1).optional(),
        })
        .strict(),
    })
    .strict(),
]);
export type DeviceLocation = z.infer<typeof deviceLocationSchema>;

export const devicesConfigSchema = z
  .object({
    idcard: deviceLocationSchema.default('sim'),
    sigpad: deviceLocationSchema.default('sim'),
    /**
     * The system printer for A4 documents (a CUPS queue name, or a Windows printer name such as
     * "HP LaserJet M403 (网络)"); null = the system default printer. Each backend checks names itself.
     */
    printer: z.string().min(1).max(127).regex(/^[^\u0000-\u001f]+$/).nullable().default(null),
  })
  .strict();

/**
 * The provincial platform link. `url: null` means: in training mode, the local stand-in the host
 * starts (test/platform); outside training mode, not configured. Certificate files are PEM (or one
 * PFX/P12 with its passphrase); relative paths are taken from the data folder.
 */
export const platformConfigSchema = z
  .object({
    url: z.string().regex(/^https:\/\/[^\s/]+(:\d+)?(\/[^\s]*)?$/, '必须是 https:// 地址').nullable().default(null),
    /** The platform CA (pinned: the system store is not trusted for the platform). */
    caFile: z.string().min(1).nullable().default(null),
    certFile: z.string().min(1).nullable().default(null),
    keyFile: z.string().min(1).nullable().default(null),
    pfxFile: z.string().min(1).nullable().default(null),
    pfxPassphrase: z.string().nullable().default(null),
    /** One request's limit (connect + answer); a lost answer costs at most this much. */
    timeoutMs: z.number().int().min(200).max(120_000).default(15_000),
    /** Cases sent in parallel (commands of one case always go in order). */
    concurrency: z.number().int().min(1).max(16).default(4),
    /** How often the change feed is read while online. */
    pollSeconds: z.number().int().min(1).max(600).default(10),
    /** Back-off after a failure: full jitter between 0 and min(maxMs, baseMs × 2^attempt). */
    retryBaseMs: z.number().int().min(1).max(60_000).default(1000),
    retryMaxMs: z.number().int().min(10).max(3_600_000).default(300_000),
    /** Upload chunk size (bytes) for files. */
    chunkBytes: z.number().int().min(16 * 1024).max(16 * 1024 * 1024).default(1024 * 1024),
  })
  .strict()
  .refine((p) => !(p.pfxFile && (p.certFile || p.keyFile)), { message: 'pfxFile 与 certFile/keyFile 只能二选一', path: ['pfxFile'] });

export const DEFAULT_PLATFORM_CONFIG = {
  url: null,
  caFile: null,
  certFile: null,
  keyFile: null,
  pfxFile: null,
  pfxPassphrase: null,
  timeoutMs: 15_000,
  concurrency: 4,
  pollSeconds: 10,
  retryBaseMs: 1000,
  retryMaxMs: 300_000,
  chunkBytes: 1024 * 1024,
};
export type PlatformConfig = z.infer<typeof platformConfigSchema>;

/**
 * The Chinese font documents and the printer test page are set in. null: the Noto Serif SC the app
 * ships (system fonts only if that is missing). Offices that want 宋体/仿宋 point at their licensed
 * file; a collection (.ttc) needs the face's PostScript name (e.g. SimSun).
 */
export const documentsConfigSchema = z
  .object({
    fontPath: z.string().min(1).nullable().default(null),
    fontPostscriptName: z.string().min(1).max(127).nullable().default(null),
    /**
     * Print the 受理凭证 as soon as a case is accepted (the applicant waits for it at the counter).
     * With no printer the receipt opens as a preview instead, to save as PDF.
     */
    printReceiptOnAccept: z.boolean().default(false),
  })
  .strict();
export type DocumentsConfig = z.infer<typeof documentsConfigSchema>;

/** The configured font as the font loaders take it, or undefined for the default resolution. */
export function configuredDocumentFont(documents: DocumentsConfig): { path: string; postscriptName?: string } | undefined {
  if (!documents.fontPath) return undefined;
  return { path: documents.fontPath, ...(documents.fontPostscriptName ? { postscriptName: documents.fontPostscriptName } : {}) };
}

/**
 * Updates over the extranet (electron-updater, generic provider: a folder on the platform or an
 * office server holding the installers and latest*.yml). `url: null` = no update checks. An update
 * is downloaded in the background, verified against the sha512 in the release metadata, and
 * installed when the app quits with nothing unsent and no case open (electron/core/updates).
 */
export const updatesConfigSchema = z
  .object({
    url: z.string().regex(/^https:\/\/[^\s/]+(:\d+)?(\/[^\s]*)?$/, '必须是 https:// 地址').nullable().default(null),
    /** The release metadata read: <channel>.yml / <channel>-linux.yml (electron-builder's channel). */
    channel: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/).default('latest'),
    checkIntervalMinutes: z.number().int().min(15).max(1440).default(240),
    /** Install an OLDER version when the channel's metadata names one (the way back; README). */
    allowDowngrade: z.boolean().default(false),
  })
  .strict();
export type UpdatesConfig = z.infer<typeof updatesConfigSchema>;
export const DEFAULT_UPDATES_CONFIG: UpdatesConfig = { url: null, channel: 'latest', checkIntervalMinutes: 240, allowDowngrade: false };

/**
 * Review desks: separation of duties (who accepted a case does not review it) and the office's
 * phrase library for 审核意见.
 */
export const reviewConfigSchema = z
  .object({
    separationOfDuties: z.boolean().default(true),
    phrases: z.array(z.string().trim().min(1).max(200)).max(100).default([
      '经审核，申请材料齐全，符合法定形式，同意登记。',
      '经审核，申请人提交的材料与登记簿记载一致。',
      '申请材料不齐全，请按补正通知书补正。',
      '不动产存在查封登记，不予办理转移、抵押或变更登记。',
      '不动产存在异议登记，经核查同意继续办理。',
    ]),
  })
  .strict();
export type ReviewConfig = z.infer<typeof reviewConfigSchema>;
export const DEFAULT_REVIEW_CONFIG: ReviewConfig = reviewConfigSchema.parse({});

/**
 * 发证 (issue #12 part 5). `paperRequired`: the office hands over a paper certificate at the counter
 * and by courier, so those need it printed first (the platform's `office.case` lists what was
 * printed); false for an office that issues e-certificates only.
 */
export const issuanceConfigSchema = z.object({ paperRequired: z.boolean().default(true) }).strict();
export type IssuanceConfig = z.infer<typeof issuanceConfigSchema>;

export const configSchema = z
  .object({
    /** 6-digit county code (GB/T 2260) of the registration office; set at first start. */
    officeCode: officeCodeSchema.nullable().default(null),
    officeName: z.string().min(1).max(60).nullable().default(null),
    mode: z.enum(['counter', 'kiosk', 'bank']).default('counter'),
    /** 培训模式: simulated devices and the local platform stand-in. The default on a fresh install. */
    training: z.boolean().default(true),
    security: securityConfigSchema.default({ idleLockSeconds: 600, maxFailedLogins: 5, lockoutMinutes: 10, passwordMaxAgeDays: 90, allowPlaintextKeystore: false }),
    devices: devicesConfigSchema.default({ idcard: 'sim', sigpad: 'sim', printer: null }),
    /** Two characters that tell this workstation's case numbers from its neighbours' (e.g. A7). */
    workstationId: workstationIdSchema.nullable().default(null),
    /** Office adjustments of the business types' checklists (merged onto the defaults). */
    businessTypes: configurableBusinessTypesSchema.default({}),
    /** The registration catalogue's office adjustments and additions (validation/catalog-config.ts, mergeCatalog). */
    catalog: catalogConfigSchema.default({ types: {}, add: [] }),
    /** Working days an applicant gets to supply what a 补正通知书 lists. */
    supplementWorkingDays: supplementDeadlineSchema.default(DEFAULT_SUPPLEMENT_WORKING_DAYS),
    /** Fee amounts and non-tax item codes (发改价格规〔2016〕2559号 by default). */
    fees: feeScheduleSchema.default(DEFAULT_FEE_SCHEDULE),
    /** Extra holidays and make-up working days, added to the built-in official calendar. */
    holidays: holidayCalendarSchema.default(EMPTY_HOLIDAY_CALENDAR),
    platform: platformConfigSchema.default(DEFAULT_PLATFORM_CONFIG),
    documents: documentsConfigSchema.default({ fontPath: null, fontPostscriptName: null, printReceiptOnAccept: false }),
    /** Encrypted backups: generations kept (pre-migration backups are also kept 30 days). */
    backups: z.object({ keep: z.number().int().min(1).max(60).default(7) }).strict().default({ keep: 7 }),
    /**
     * Local purge of finished cases (办结、撤回、不予受理) once the platform has them: after this many days
     * without change the case, its files and its platform events leave this workstation (the
     * platform keeps the registration record). null = never. The audit log is never purged.
     */
    retention: z
      .object({ purgeFinishedCasesAfterDays: z.number().int().min(180).max(3650).nullable().default(365) })
      .strict()
      .default({ purgeFinishedCasesAfterDays: 365 }),
    updates: updatesConfigSchema.default(DEFAULT_UPDATES_CONFIG),
    /** Review and 登簿 at the office (issue #11). */
    review: reviewConfigSchema.default(DEFAULT_REVIEW_CONFIG),
    /** The issuing office and e-certificate type codes certificates print (issue #12). */
    certificates: certificatesConfigSchema.default(DEFAULT_CERTIFICATES_CONFIG),
    /** 发证 (issue #12). */
    issuance: issuanceConfigSchema.default({ paperRequired: true }),
  })
  .strict();

export type WorkstationConfig = z.infer<typeof configSchema>;

/** What the settings page may change; everything else is edited in the file by IT staff. */
export const configPatchSchema = z
  .object({
    officeName: z.string().trim().min(1).max(60).optional(),
    training: z.boolean().optional(),
    security: securityConfigSchema.partial().optional(),
    documents: z.object({ printReceiptOnAccept: z.boolean() }).partial().strict().optional(),
  })
  .strict();
export type ConfigPatch = z.infer<typeof configPatchSchema>;
