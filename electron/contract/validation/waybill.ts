/**
 * Waybill numbers of the carriers an office sends certificates with. Two carriers, because they are
 * the two that registration offices contract for 证书邮寄 in practice: China Post's EMS (the
 * government's own courier, used for 政务寄递 in most provinces) and SF Express (the common
 * alternative where the office offers a choice). Other carriers are added here, with their rule.
 *
 * - EMS: a UPU S10 item identifier (UPU standard S10, "Identification of postal items — 13-character
 *   identifier"): 2 letters (service indicator, e.g. EA, EB, EM), 8 digits (serial), 1 check digit,
 *   2 letters (ISO 3166 country code of the issuing post, CN). The check digit: weights 8 6 4 2 3 5
 *   9 7 on the 8 serial digits, sum S, C = 11 − (S mod 11); C = 10 gives 0 and C = 11 gives 5.
 * - SF (顺丰): the waybill number is digits only: 12 digits on older labels, up to 15 now (the
 *   printed "SF" in front of it, when typed, is dropped). SF publishes no check digit, so only the
 *   shape is checked.
 * Pure: the counter screen checks as the clerk types, and core checks again.
 */
export const CARRIERS = ['ems', 'sf'] as const;
export type Carrier = (typeof CARRIERS)[number];
export const CARRIER_LABELS: Record<Carrier, string> = { ems: '中国邮政EMS', sf: '顺丰速运' };

export type WaybillCheck = { valid: true; normalized: string } | { valid: false; reasons: string[] };

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];

/** The S10 check digit of 8 serial digits. */
export function s10CheckDigit(serial: string): number {
  if (!/^\d{8}$/.test(serial)) throw new Error('S10 serial must be 8 digits');
  const sum = S10_WEIGHTS.reduce((s, w, i) => s + w * Number(serial[i]), 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 0 : c === 11 ? 5 : c;
}

export function validateWaybill(carrier: Carrier, value: string): WaybillCheck {
  const text = value.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
  if (text === '') return { valid: false, reasons: ['请填写运单号。'] };
  if (carrier === 'ems') {
    const m = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/.exec(text);
    if (!m) return { valid: false, reasons: ['EMS运单号应为13位：2个字母、9位数字、2个字母，例如 EA123456785CN。'] };
    if (s10CheckDigit(m[2]) !== Number(m[3])) return { valid: false, reasons: ['EMS运单号校验位不符，请核对是否抄错。'] };
    return { valid: true, normalized: text };
  }
  const digits = text.replace(/^SF/, '');
  if (!/^\d{12,15}$/.test(digits)) return { valid: false, reasons: ['顺丰运单号应为12–15位数字（前面的“SF”可省略）。'] };
  return { valid: true, normalized: digits };
}
