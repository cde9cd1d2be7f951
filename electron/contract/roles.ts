import { z } from 'zod';

/** Staff roles of a registration office. Kiosk is not a login role: it is a mode (later issue). */
export const ROLES = ['clerk', 'reviewer', 'registrar', 'supervisor', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const ROLE_LABELS: Record<Role, string> = {
  clerk: '受理',
  reviewer: '审核',
  registrar: '登簿',
  supervisor: '缮证发证/统计',
  admin: '系统管理员',
};

/**
 * Who may call a method:
 * - 'public': no session needed (first-start setup, login, app info);
 * - 'any': any logged-in, unlocked user;
 * - a list of roles.
 */
export type Access = 'public' | 'any' | readonly Role[];

/**
 * The roles that may see full ID numbers and phones: through 显示 (cases.revealParty) and through
 * any output that carries them in full (the 申请书 PDF). Must equal cases.revealParty's access
 * (a test checks it).
 */
export const REVEALER_ROLES: readonly Role[] = ['clerk', 'reviewer', 'supervisor', 'admin'];
