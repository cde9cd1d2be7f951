import { AppError, maskIdNumber, maskPersonalText, maskPhone, type ParsedInput } from '../../../contract';
import type { CallContext } from '../../services';
import type { CaseRecord, Party } from '../case-record';

type PartyInput = ParsedInput<'cases.saveDraft'>['parties'][number];

/**
 * The parties of a save as the core stores them. A party whose identity did not change keeps their
 * signature and seal; anyone new or changed signs again. Free text (通讯地址) is masked: a typed ID
 * number or phone in it is not stored in plaintext.
 */
export function partiesFromInput(ctx: CallContext, c: CaseRecord, input: PartyInput[], coOwnership: string | null): Party[] {
  const parties = input.map((p, i): Party => {
    const idNumber = resolveIdNumber(ctx, c, p);
    const before = c.parties.find((b) => b.idNumber === idNumber && b.name === p.name && b.role === p.role);
    return {
      ordinal: i + 1,
      role: p.role,
      name: p.name,
      idType: p.idType,
      idNumber,
      phone: resolvePhone(c, p),
      share: coOwnership === 'shares' && p.role === 'holder' ? p.share : null,
      signatureBlob: before?.signatureBlob ?? null,
      signedAt: before?.signedAt ?? null,
      address: p.address ? maskPersonalText(p.address) : null,
      postalCode: p.postalCode,
      legalRepresentative: p.legalRepresentative
        ? { title: p.legalRepresentative.title, name: p.legalRepresentative.name, idNumber: resolveRepresentativeId(c, p.name, p.legalRepresentative) }
        : null,
      actsFor: p.role === 'agent' ? [...new Set(p.actsFor)].sort((a, b) => a - b) : [],
      agency: p.role === 'agent' ? p.agency : null,
      seal: before?.seal ?? null,
    };
  });
  for (const agent of parties.filter((p) => p.role === 'agent')) {
    const wrong = agent.actsFor.filter((o) => !parties.some((p) => p.ordinal === o && p.role !== 'agent'));
    if (wrong.length > 0) throw new AppError('AGENT_PRINCIPAL_UNKNOWN', `代理人${agent.name}所代理的第 ${wrong.join('、')} 位申请人不在本业务中或也是代理人，请检查。`, { ordinal: agent.ordinal, actsFor: wrong });
  }
  return parties;
}

/**
 * Where a party's full ID number comes from: a card just read (its token), the number as typed,
 * or — when the screen sends back the masked number it shows — the number already stored.
 */
function resolveIdNumber(ctx: CallContext, c: CaseRecord, p: PartyInput): string {
  if (p.cardToken) {
    const card = ctx.services.devices.cardTokens.resolve(p.cardToken, ctx.now.getTime());
    if (!card) throw new AppError('CARD_TOKEN_EXPIRED', `${p.name}的身份证读取结果已过期，请重新读卡。`, { party: p.name });
    return card.idNumber;
  }
  if (p.idNumber.includes('*') && p.idType !== 'organization') {
    const kept = c.parties.find((b) => b.name === p.name && maskIdNumber(b.idNumber) === p.idNumber.toUpperCase());
    if (!kept) throw new AppError('ID_NUMBER_INCOMPLETE', `${p.name}的证件号码需要完整填写或重新读卡。`, { party: p.name });
    return kept.idNumber;
  }
  if (!p.idNumber) throw new AppError('ID_NUMBER_REQUIRED', `请填写${p.name}的证件号码或读取身份证。`, { party: p.name });
  return p.idNumber.normalize('NFKC').toUpperCase();
}

/** A masked phone sent back by the screen keeps the stored one (same party by name and number). */
function resolvePhone(c: CaseRecord, p: { name: string; phone: string | null }): string | null {
  if (!p.phone || !p.phone.includes('*')) return p.phone;
  const kept = c.parties.find((b) => b.name === p.name && b.phone && maskPhone(b.phone) === p.phone);
  if (!kept) throw new AppError('PHONE_INCOMPLETE', `${p.name}的联系电话需要完整填写。`, { party: p.name });
  return kept.phone;
}

function resolveRepresentativeId(c: CaseRecord, partyName: string, rep: { name: string; idNumber: string }): string {
  if (!rep.idNumber.includes('*')) return rep.idNumber.normalize('NFKC').toUpperCase();
  const kept = c.parties.find((b) => b.name === partyName && b.legalRepresentative?.name === rep.name && maskIdNumber(b.legalRepresentative.idNumber) === rep.idNumber.toUpperCase());
  if (!kept?.legalRepresentative) throw new AppError('ID_NUMBER_INCOMPLETE', `${partyName}的法定代表人（负责人）${rep.name}的证件号码需要完整填写。`, { party: partyName });
  return kept.legalRepresentative.idNumber;
}
