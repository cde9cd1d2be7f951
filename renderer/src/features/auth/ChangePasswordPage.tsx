import { Button } from 'antd';
import type { AppInfo } from '../../../../electron/contract';
import { useLogoutMutation } from '../../api/api-slice';
import { AuthFrame } from './AuthFrame';
import { ChangePasswordForm } from './ChangePasswordForm';

/**
 * After an administrator sets or resets a password, the user must choose their own first; the
 * same when the password is older than security.passwordMaxAgeDays (`expired`).
 */
export default function ChangePasswordPage({ info, expired = false }: { forced: true; info: AppInfo; expired?: boolean }) {
  const [logout] = useLogoutMutation();
  const subtitle = expired ? '您的密码已超过有效期，请修改密码后继续使用（不能与最近 5 次使用过的密码相同）' : '管理员设置的临时密码须在首次登录时修改';
  return (
    <AuthFrame title={expired ? '密码已过期' : '请设置新密码'} subtitle={subtitle} training={info.training}>
      <ChangePasswordForm />
      <Button type="link" block onClick={() => void logout()}>
        退出登录
      </Button>
    </AuthFrame>
  );
}

