import { X509Certificate } from 'node:crypto';
import type { PlatformConnection } from './platform-connection';

/**
 * The platform binds a workstation certificate to one office: its CN is `<office code>-<workstation
 * id>` (e.g. 430102-A7), and a case of another office is refused (403 CERTIFICATE_OFFICE_MISMATCH).
 * The workstation reads its own certificate's CN so the status can name a mismatch before (and
 * while) the platform refuses. Null when the certificate cannot be read here (a PFX, none).
 */
export function certificateCnOf(connection: PlatformConnection | null | undefined): string | null {
  if (!connection?.cert) return null;
  try {
    const subject = new X509Certificate(connection.cert).subject;
    return /(?:^|\n)CN=("?)([^\n"]+)\1/.exec(subject)?.[2] ?? null;
  } catch {
    return null;
  }
}

/** The sentence for the status when the certificate belongs to another office, else null. */
export function certificateOfficeMismatch(cn: string | null, officeCode: string | null): string | null {
  if (!cn || !officeCode) return null;
  const office = /^(\d{6})-/.exec(cn)?.[1] ?? null;
  if (office === officeCode) return null;
  return office
    ? `平台证书属于机构 ${office}（${cn}），与本工作站机构 ${officeCode} 不符：平台将拒绝提交，请申领本机构的证书`
    : `平台证书 ${cn} 未绑定办理机构（应为“机构代码-窗口号”）：平台将拒绝提交，请申领本机构的证书`;
}
