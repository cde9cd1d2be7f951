import type { MaterialRequirement } from './business-types';
import type { MortgageKind } from './registration-types';

/**
 * The materials of the catalogue, each with the article that asks for it. Ids are those of
 * business-types.ts where the meaning is the same (applicationForm, titleCertificate, taxReceipt …).
 * 细则 = 《不动产登记暂行条例实施细则》 (国土资源部令第63号, 2019 修正).
 */
export interface CatalogMaterial {
  id: string;
  name: string;
  requirement: MaterialRequirement;
  note?: string;
  /** The article that asks for it. */
  basis?: string;
  /** Only for these mortgage kinds (absent: every kind). */
  mortgageKinds?: MortgageKind[];
}

export function catalogMaterial(id: string, name: string, requirement: MaterialRequirement, basis: string, extra: Partial<CatalogMaterial> = {}): CatalogMaterial {
  return { id, name, requirement, basis, ...extra };
}

export const CATALOG_MATERIALS = {
  applicationForm: catalogMaterial('applicationForm', '不动产登记申请书', 'required', '条例 第16条；细则 第9条'),
  applicantIdentity: catalogMaterial('applicantIdentity', '申请人身份证明', 'required', '条例 第16条'),
  powerOfAttorney: catalogMaterial('powerOfAttorney', '授权委托书', 'withAgent', '细则 第12条'),
  agentIdentity: catalogMaterial('agentIdentity', '代理人身份证明', 'withAgent', '细则 第12条'),
  titleCertificate: catalogMaterial('titleCertificate', '不动产权属证书', 'required', '条例 第16条'),
  registrationProof: catalogMaterial('registrationProof', '不动产登记证明（或他项权利证书）', 'required', '细则 第68、70条'),
  landTitleSource: catalogMaterial('landTitleSource', '土地权属来源材料（或不动产权属证书）', 'required', '细则 第35条'),
  landSourceOnly: catalogMaterial('landTitleSource', '土地权属来源材料', 'required', '细则 第30、34条'),
  cadastralSurvey: catalogMaterial('cadastralSurvey', '权籍调查表、宗地图以及宗地界址点坐标', 'required', '细则 第30、34条'),
  landPriceReceipt: catalogMaterial('landPriceReceipt', '土地出让价款、土地租金、相关税费等缴纳凭证', 'required', '细则 第34条'),
  planningCompliance: catalogMaterial('planningCompliance', '建设工程符合规划的材料', 'required', '细则 第35条'),
  completionProof: catalogMaterial('completionProof', '房屋已经竣工的材料', 'required', '细则 第35条'),
  surveyReport: catalogMaterial('surveyReport', '不动产调查报告（房地产测绘报告）', 'required', '细则 第35条'),
  taxReceiptOptional: catalogMaterial('taxReceipt', '相关税费缴纳凭证', 'optional', '细则 第35条'),
  householdRegister: catalogMaterial('householdRegister', '户口簿', 'required', '细则 第41条'),
  homesteadApproval: catalogMaterial('homesteadApproval', '有批准权的人民政府批准用地的文件等权属来源材料', 'required', '细则 第41条'),
  homesteadBuilding: catalogMaterial('homesteadBuilding', '房屋符合规划或者建设的相关材料', 'required', '细则 第41条'),
  homesteadSurvey: catalogMaterial('cadastralSurvey', '权籍调查表、宗地图、房屋平面图以及宗地界址点坐标等材料', 'required', '细则 第41条'),
  collectiveConsent: catalogMaterial('collectiveConsent', '农村集体经济组织同意的材料或村民会议决议', 'required', '细则 第44条'),
  contractForLand: catalogMaterial('landContractDocument', '土地承包经营合同（或承包方案、发包方出具的材料）', 'required', '细则 第48条'),
  forestSource: catalogMaterial('forestSource', '林权权属来源材料（林地使用批准文件、林木采伐或造林材料等）', 'required', '细则 第52–53条'),
  seaAreaSource: catalogMaterial('seaAreaSource', '项目用海批准文件或者海域使用权出让合同、海域使用金缴纳凭证', 'required', '细则 第55条'),
  seaSurvey: catalogMaterial('cadastralSurvey', '宗海图（宗海位置图、界址图）以及界址点坐标', 'required', '细则 第55条'),
  transferContract: catalogMaterial('transferContract', '转移合同（买卖、赠与、互换等）或继承、受遗赠、法律文书等转移依据', 'required', '细则 第38条'),
  taxReceiptBeforeEntry: catalogMaterial('taxReceipt', '完税凭证', 'requiredBeforeEntry', '细则 第38条', { note: '由税务并行办理取得，不作为受理前置条件' }),
  maritalStatusProof: catalogMaterial('maritalStatusProof', '婚姻关系证明', 'optional', '细则 第38条（其他必要材料）'),
  changeProof: catalogMaterial('changeProof', '不动产权利发生变更的材料', 'required', '细则 第37条'),
  rightEndedProof: catalogMaterial('rightEndedProof', '不动产权利消灭的材料', 'required', '细则 第28条'),
  errorProof: catalogMaterial('errorProof', '证实不动产登记簿记载事项错误的材料', 'required', '细则 第79、82条'),
  interestProof: catalogMaterial('interestProof', '证实与登记的不动产权利有利害关系的材料', 'required', '细则 第79、82条'),
  objectionEndedProof: catalogMaterial('objectionEndedProof', '异议注销的材料（异议申请人的注销申请或异议失效的证明）', 'required', '细则 第84条'),
  purchaseContract: catalogMaterial('purchaseContract', '商品房预售合同或买卖合同', 'required', '细则 第86条', {
    note: '合同是否已网签备案不作为受理条件（一窗受理、并行办理）',
  }),
  preRegistrationAgreement: catalogMaterial('preRegistrationAgreement', '当事人关于预告登记的约定', 'required', '细则 第86条'),
  preRegistrationProof: catalogMaterial('registrationProof', '不动产登记证明（预告登记证明）', 'required', '细则 第86、89条'),
  preRegistrationChangeProof: catalogMaterial('changeProof', '预告登记事项变更或转移的材料', 'required', '细则 第85、87条'),
  preRegistrationEndedProof: catalogMaterial('rightEndedProof', '债权消灭或者权利人放弃预告登记的材料', 'required', '细则 第89条'),
  mortgageContract: catalogMaterial('mortgageContract', '抵押合同', 'required', '细则 第66条', { mortgageKinds: ['general'] }),
  principalDebtContract: catalogMaterial('principalDebtContract', '主债权合同', 'required', '细则 第66条', { mortgageKinds: ['general', 'construction'] }),
  maximumMortgageContract: catalogMaterial('mortgageContract', '最高额抵押合同', 'required', '细则 第71条', { mortgageKinds: ['maximum'] }),
  maximumDebtContracts: catalogMaterial('principalDebtContract', '一定期间内将要连续发生债权的合同或者其他登记原因材料', 'required', '细则 第71条', {
    mortgageKinds: ['maximum'],
  }),
  constructionMortgageContract: catalogMaterial('mortgageContract', '在建建筑物抵押合同', 'required', '细则 第75条', { mortgageKinds: ['construction'] }),
  constructionPermit: catalogMaterial('constructionPermit', '建设工程规划许可证', 'required', '细则 第75条', { mortgageKinds: ['construction'] }),
  mortgageTitle: catalogMaterial('titleCertificate', '不动产权属证书（在建建筑物抵押为建设用地使用权的不动产权属证书）', 'required', '细则 第66、75条'),
  mortgageChangeProof: catalogMaterial('mortgageChangeProof', '抵押权变更的材料', 'required', '细则 第68条'),
  debtTransferAgreement: catalogMaterial('debtTransferAgreement', '被担保主债权的转让协议', 'required', '细则 第69条'),
  debtorNotified: catalogMaterial('debtorNotified', '债权人已经通知债务人的材料', 'required', '细则 第69条'),
  mortgageEndedProof: catalogMaterial('mortgageEndedProof', '抵押权消灭的材料（如主债权已清偿的证明）', 'required', '细则 第70条'),
  preMortgageContracts: catalogMaterial('mortgageContract', '抵押合同与主债权合同', 'required', '细则 第86条'),
  easementContract: catalogMaterial('easementContract', '地役权合同', 'required', '细则 第60条'),
  easementTitles: catalogMaterial('titleCertificate', '需役地和供役地的不动产权属证书', 'required', '细则 第60条'),
  easementChangeProof: catalogMaterial('changeProof', '地役权变更、转移的材料', 'required', '细则 第61–62条'),
  residenceContract: catalogMaterial('residenceContract', '居住权合同（或设立居住权的遗嘱）', 'required', '民法典 第367、371条'),
  residenceHouseTitle: catalogMaterial('titleCertificate', '住宅的不动产权属证书', 'required', '民法典 第368条；细则 第8条'),
  residenceChangeProof: catalogMaterial('changeProof', '居住权变更的材料', 'required', '民法典 第367条'),
  residenceEndedProof: catalogMaterial('rightEndedProof', '居住权消灭的材料（期限届满、居住权人死亡证明等）', 'required', '民法典 第370条'),
  courtAssistanceNotice: catalogMaterial('courtAssistanceNotice', '人民法院协助执行通知书', 'required', '细则 第90条'),
  courtRuling: catalogMaterial('courtRuling', '人民法院裁定书（或判决书、调解书）', 'required', '细则 第90条'),
  courtOfficerCredentials: catalogMaterial('courtOfficerCredentials', '执行公务人员的工作证和执行公务证', 'required', '细则 第90条'),
  releaseNotice: catalogMaterial('courtAssistanceNotice', '人民法院解除查封的协助执行通知书', 'required', '细则 第92条'),
  releaseRuling: catalogMaterial('courtRuling', '人民法院解除查封的裁定书', 'required', '细则 第92条'),
  damagedCertificate: catalogMaterial('titleCertificate', '损坏的不动产权属证书或不动产登记证明', 'required', '细则 第22条'),
  lossStatement: catalogMaterial('lossStatement', '不动产权属证书或不动产登记证明遗失、灭失的声明', 'required', '细则 第23条'),
} as const satisfies Record<string, CatalogMaterial>;

export const CATALOG_APPLICATION = [CATALOG_MATERIALS.applicationForm, CATALOG_MATERIALS.applicantIdentity] as const;
export const CATALOG_AGENCY = [CATALOG_MATERIALS.powerOfAttorney, CATALOG_MATERIALS.agentIdentity] as const;
