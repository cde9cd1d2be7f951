import { writeFileSync } from 'node:fs';
import * as s from '../fixtures/documents/sample-documents';
import { renderAcceptanceReceipt } from '../../electron/core/documents/acceptance-receipt';
import { generateOfficeKeyPair } from '../../electron/core/documents/verification-code';
const k = generateOfficeKeyPair();
writeFileSync('/tmp/docs/receipt.pdf', await renderAcceptanceReceipt(s.sampleReceipt(), { signingKey: k }));
writeFileSync('/tmp/docs/receipt-reprint.pdf', await renderAcceptanceReceipt(s.reprintedReceipt(), { signingKey: k }));
writeFileSync('/tmp/docs/receipt-longest.pdf', await renderAcceptanceReceipt(s.longestReceipt(), { signingKey: k }));
