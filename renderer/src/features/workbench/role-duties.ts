import type { Role } from '../../../../electron/contract';

/** What each role does at the office, shown on its workbench. */
export const ROLE_DUTIES: Record<Role, string[]> = {
  clerk: ['窗口受理各类不动产登记业务（一窗受理）', '读取申请人身份证、采集签名、收取申请材料', '打印受理凭证和缴费通知书'],
  reviewer: ['审核已受理的登记申请', '对材料不全的业务发出补正通知', '作出审核通过或不予登记的决定'],
  registrar: ['对审核通过的业务登簿', '登簿即生成不动产电子证照'],
  supervisor: ['缮证、打印证书与登记证明，管理空白证书与废证', '发证与邮寄', '查看办件量与积压情况的统计'],
  admin: ['管理用户账号与角色、重置密码、解除锁定', '查看与校验审计日志', '维护工作站配置'],
};
