/**
 * GB 11643-1999 citizen identity numbers. The one implementation lives in the contract, because
 * the renderer validates typed numbers live with the same rules the card reader applies here.
 */
export {
  PROVINCE_CODES,
  checkCharacter,
  maskIdNumber,
  validateIdNumber,
  type IdNumberCheck,
  type IdNumberOptions,
} from '../../electron/contract/validation/id-number';
