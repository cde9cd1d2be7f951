import { SAMPLE_PAD_AREA, SAMPLE_SIGNATURES, type SampleSignature } from '../../../native/sim/sample-signatures';
import type { SignatureCapture } from '../../../native/sigpad/strokes';
import type {
  AcceptanceReceiptData,
  Applicant,
  ApplicationFormData,
  Material,
  Office,
  PaymentNoticeData,
  RejectionNoticeData,
  RequisitionNoticeData,
  Unit,
} from './document-data';

/**
 * Invented cases for tests, the benchmark and training mode: fictional people and addresses in
 * 湖南省长沙市 (ID numbers have valid check digits but belong to nobody). `longest` variants carry
 * the longest values the counter realistically meets — a 30-character name, a 30-character
 * company, 70-character addresses, forty materials — to prove nothing overflows. Each call
 * returns fresh objects.
 */
export const SAMPLE_OFFICE: Office = { name: '长沙市不动产登记中心芙蓉区分中心', code: '430102' };
export const SAMPLE_CASE_NUMBER = '430102-20261127-A10001';

export function sampleApplicants(options: { signed?: boolean; masked?: boolean } = {}): Applicant[] {
  const id = (full: string) => (options.masked ? `${full.slice(0, 6)}********${full.slice(-4)}` : full);
  return [
    {
      role: '权利人',
      name: '张晓明',
      idType: '居民身份证',
      idNumber: id('430102198807152318'),
      phone: '13807311234',
      share: '共同共有',
      signature: options.signed ? capture(SAMPLE_SIGNATURES.zhangSan) : undefined,
    },
    {
      role: '权利人',
      name: '李雪梅',
      idType: '居民身份证',
      idNumber: id('430104199003024529'),
      phone: '13975102468',
      share: '共同共有',
      signature: options.signed ? capture(SAMPLE_SIGNATURES.liSi) : undefined,
    },
    {
      role: '义务人',
      name: '王建国',
      idType: '居民身份证',
      idNumber: id('430103196509180019'),
      phone: '0731-84561234',
      share: '单独所有',
      signature: options.signed ? capture(SAMPLE_SIGNATURES.loops) : undefined,
    },
  ];
}

/** The longest realistic parties: a 30-character name, a 30-character company and its agent. */
export function longestApplicants(options: { signed?: boolean } = {}): Applicant[] {
  return [
    {
      role: '权利人',
      name: '努尔古丽米热·阿卜杜热合曼·买买提江·阿不都热合曼·艾合买提',
      idType: '居民身份证',
      idNumber: '65010119820405123X',
      phone: '18999123456',
      share: '按份共有，占百分之三十三点三三',
      signature: options.signed ? capture(SAMPLE_SIGNATURES.loops) : undefined,
    },
    {
      role: '权利人',
      name: '湖南长沙市芙蓉区湘江世纪城房地产开发建设投资集团有限责任公司',
      idType: '统一社会信用代码',
      idNumber: '91430102MA4L0XXX8K',
      phone: '0731-88886666转8021',
      share: '按份共有，占百分之六十六点六七',
    },
    {
      role: '代理人',
      name: '欧阳晓雯',
      idType: '居民身份证',
      idNumber: '430102199301285628',
      phone: '15073112345',
      signature: options.signed ? capture(SAMPLE_SIGNATURES.liSi) : undefined,
    },
    {
      role: '义务人',
      name: '司马建华',
      idType: '港澳居民来往内地通行证',
      idNumber: 'H10293847',
      phone: '+852 9123 4567',
      share: '单独所有',
    },
  ];
}

export function sampleUnits(): Unit[] {
  return [
    {
      unitCode: '430102003004GB00123F00010203',
      address: '湖南省长沙市芙蓉区朝阳街道八一路288号湘江世纪城二期17栋2单元3205号',
      use: '住宅',
      areaM2: 128.46,
    },
  ];
}

export function longestUnits(): Unit[] {
  return [
    {
      unitCode: '430102003004GB00123F00010203',
      address: '湖南省长沙市芙蓉区五一大道街道八一路社区韶山北路与人民东路交汇处东南角湘江世纪城二期第十七栋第二单元第三十二层3205号房（原车站北路168号）',
      use: '成套住宅',
      areaM2: 1286.46,
    },
    {
      unitCode: '430121005002JC00456F00030512',
      address: '湖南省长沙市长沙县黄兴镇蓝田新村村民委员会第十二村民小组黄兴大道与开元东路交汇处西北侧星沙产业园配套安置小区第三期C区第9栋1单元502室',
      use: '宅基地住房',
      areaM2: 96.5,
    },
    {
      unitCode: '430102003004GB00123F00019001',
      address: '湖南省长沙市芙蓉区朝阳街道八一路288号湘江世纪城二期地下室负二层B2-117号机动车停车位',
      use: '车位',
      areaM2: 13.2,
    },
  ];
}

export function sampleMaterials(): Material[] {
  return [
    { name: '不动产登记申请书', copies: 1, form: '原件', status: 'received' },
    { name: '申请人身份证明', copies: 3, form: '复印件', status: 'received' },
    { name: '不动产权证书', copies: 1, form: '原件', status: 'received' },
    { name: '存量房买卖合同', copies: 2, form: '原件', status: 'received' },
    { name: '完税凭证', copies: 1, form: '复印件', status: 'received' },
    { name: '婚姻关系证明', copies: 1, form: '复印件', status: 'missing', note: '请提交结婚证复印件并出示原件核对' },
  ];
}

/** Forty materials, some with long names and notes: enough to need a second page. */
export function longestMaterials(): Material[] {
  const base = [
    '不动产登记申请书',
    '申请人身份证明',
    '授权委托书及受托人身份证明',
    '不动产权证书',
    '存量房买卖合同（经长沙市住房和城乡建设局网签备案）',
    '完税凭证',
    '婚姻关系证明',
    '共有人同意处分的书面意见',
    '营业执照及法定代表人身份证明书',
    '公司股东会同意转让不动产的决议',
  ];
  return Array.from({ length: 40 }, (_, i) => ({
    name: `${base[i % base.length]}${i >= base.length ? `（第${Math.floor(i / base.length) + 1}宗）` : ''}`,
    copies: (i % 4) + 1,
    form: i % 3 === 0 ? '原件及复印件' : i % 3 === 1 ? '复印件' : '原件',
    status: i % 5 === 4 ? 'missing' : 'received',
    note: i % 7 === 3 ? '须由全体共有人签字并按手印，代理人签字的须附经公证的授权委托书' : undefined,
  }));
}

const CASE = {
  office: SAMPLE_OFFICE,
  caseNumber: SAMPLE_CASE_NUMBER,
  businessTypeName: '转移登记（二手房买卖）',
  issuedDate: '2026-11-27',
  clerkName: '刘芳',
};

export function sampleReceipt(): AcceptanceReceiptData {
  return {
    ...CASE,
    applicants: sampleApplicants({ masked: true }),
    units: sampleUnits(),
    materials: sampleMaterials(),
    promisedDate: '2026-12-04',
    officePhone: '0731-84112345',
  };
}

export function longestReceipt(): AcceptanceReceiptData {
  return {
    ...CASE,
    businessTypeName: '国有建设用地使用权及房屋所有权转移登记（继承、受遗赠）',
    applicants: longestApplicants(),
    units: longestUnits(),
    materials: longestMaterials(),
    promisedDate: '2027-01-08',
    officePhone: '0731-84112345（工作日 9:00—17:00）',
  };
}

export function sampleApplicationForm(options: { signed?: boolean } = { signed: true }): ApplicationFormData {
  return {
    ...CASE,
    applicants: sampleApplicants({ signed: options.signed }),
    units: sampleUnits(),
    reason: '买卖',
  };
}

export function longestApplicationForm(): ApplicationFormData {
  const applicants = longestApplicants({ signed: true });
  return {
    ...CASE,
    businessTypeName: '国有建设用地使用权及房屋所有权转移登记（继承、受遗赠）',
    applicants,
    units: longestUnits(),
    reason: '继承、受遗赠（依据长沙市芙蓉区公证处（2026）湘长芙证民字第12345号公证书）',
    remarks: '义务人司马建华为香港居民，已提交经中国委托公证人公证并加盖中国法律服务（香港）有限公司转递专用章的授权委托书。',
  };
}

export function samplePaymentNotice(): PaymentNoticeData {
  return {
    ...CASE,
    applicants: sampleApplicants({ masked: true }),
    fees: [
      { code: '1041501', name: '住宅类不动产登记费', amountFen: 8000 },
      { code: '1041503', name: '不动产权属证书工本费（第二本起）', amountFen: 1000 },
    ],
    payBefore: '2026-12-04',
    paymentNote: '可通过湖南省非税收入缴款平台扫码缴纳，或在本中心缴费窗口刷卡缴纳。',
  };
}

export function longestPaymentNotice(): PaymentNoticeData {
  return {
    ...CASE,
    businessTypeName: '国有建设用地使用权及房屋所有权转移登记（继承、受遗赠）',
    applicants: longestApplicants(),
    fees: [
      { code: '1041501', name: '住宅类不动产登记费', amountFen: 8000 },
      { code: '1041502', name: '非住宅类不动产登记费（商业、办公等用途）', amountFen: 55000 },
      { code: '1041501', name: '车库、车位、储藏室不动产登记费', amountFen: 8000 },
      { code: '1041503', name: '不动产权属证书工本费（第二本起，每本10元）', amountFen: 3000 },
      { code: '1041599', name: '其他（依申请复制登记资料，每页0.5元）', amountFen: 50 },
    ],
    payBefore: '2026-12-04',
    paymentNote:
      '可通过湖南省非税收入缴款平台扫码缴纳，或在本中心缴费窗口刷卡缴纳；逾期未缴纳的，登记机构将暂停办理，缴清后继续办理。',
  };
}

export function sampleRequisitionNotice(): RequisitionNoticeData {
  return {
    ...CASE,
    applicants: sampleApplicants({ masked: true }),
    units: sampleUnits(),
    applicationDate: '2026-11-27',
    materials: sampleMaterials(),
    deadline: '2026-12-11',
  };
}

export function longestRequisitionNotice(): RequisitionNoticeData {
  return {
    ...CASE,
    businessTypeName: '国有建设用地使用权及房屋所有权转移登记（继承、受遗赠）',
    applicants: longestApplicants(),
    units: longestUnits(),
    applicationDate: '2026-11-27',
    materials: longestMaterials().map((m) => ({ ...m, status: 'missing' as const })),
    deadline: '2026-12-11',
  };
}

export function sampleRejectionNotice(): RejectionNoticeData {
  return {
    ...CASE,
    applicants: sampleApplicants({ masked: true }),
    units: sampleUnits(),
    applicationDate: '2026-11-27',
    reasons: [
      {
        text: '申请登记的不动产已被长沙市芙蓉区人民法院查封，查封期间不得办理转移登记。',
        basis: '《不动产登记暂行条例》第二十二条第（三）项',
      },
    ],
  };
}

export function longestRejectionNotice(): RejectionNoticeData {
  return {
    ...CASE,
    businessTypeName: '国有建设用地使用权及房屋所有权转移登记（继承、受遗赠）',
    applicants: longestApplicants(),
    units: longestUnits(),
    applicationDate: '2026-11-27',
    reasons: [
      {
        text: '申请登记的不动产坐落于长沙县黄兴镇，不属于本登记机构的登记范围，请向长沙县不动产登记中心申请。',
        basis: '《不动产登记暂行条例》第十七条第（四）项',
      },
      {
        text: '申请登记的不动产已被长沙市芙蓉区人民法院依（2026）湘0102执保1234号民事裁定书查封，查封期间不得办理转移登记。',
        basis: '《不动产登记暂行条例》第二十二条第（三）项',
      },
      {
        text: '申请人提交的继承公证书所载被继承人姓名与不动产登记簿记载的权利人姓名不一致，且未能提供二者系同一人的证明。',
      },
    ],
    appealNote:
      '如对本决定不服，可以自收到本通知书之日起六十日内向长沙市芙蓉区人民政府申请行政复议，或者自收到本通知书之日起六个月内依法向长沙市芙蓉区人民法院提起行政诉讼。',
  };
}

/** A sample signature as the pad would hand it over. */
function capture(sample: SampleSignature): SignatureCapture {
  return {
    strokes: sample.strokes,
    width: sample.width,
    height: sample.height,
    device: { vendor: '模拟', model: 'SIM-PAD', firmware: '1.0', maxPressure: sample.maxPressure, sampleRateHz: SAMPLE_PAD_AREA.sampleRateHz },
  };
}
