import type { KeyProtector } from '../crypto/data-keys';
import type { CertificateFacts } from './certificate-facts';
import type { ECertificateRenditions } from './e-certificate-renditions';
import { renderCertificateOfd } from './layout/render-certificate-ofd';
import { renderCertificatePdf } from './layout/render-certificate-pdf';
import { zipOfd } from './ofd/ofd-zip';
import { certificateIdentifier } from './seal/certificate-identifier';
import { certificateQrText } from './seal/certificate-qr-text';
import { officeSeal } from './seal/office-seal-store';
import { sealCertificatePdf } from './seal/seal-pdf';
import { signOfd } from './seal/sign-ofd';

/**
 * The built-in renditions: the OFD writer and layout (cert-ofd) and the office seal (cert-seal).
 * The seal is loaded for each production (a seal installed or renewed later is used at once); an
 * office without an installed seal gets an OfficeSealError, so the e-certificate stays pending and
 * is retried — the 登簿 is never affected.
 */
export function defaultRenditions(dataDir: string, protector: KeyProtector): ECertificateRenditions {
  return {
    identifier: (args) => certificateIdentifier(args),
    async render(facts: CertificateFacts, identifier: string, at: Date) {
      const seal = officeSeal(dataDir, protector);
      const qrText = certificateQrText(facts, identifier, seal);
      const unsigned = await renderCertificateOfd(facts, { qrText, identifier });
      const ofd = await zipOfd(await signOfd(unsigned, seal, at));
      const pdf = await sealCertificatePdf(await renderCertificatePdf(facts, { qrText, identifier }), { qrText, seal });
      return { ofd, pdf };
    },
  };
}
