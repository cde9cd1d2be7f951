import { Button } from 'antd';
import type { AppInfo } from '../../../../electron/contract';
import { useLogoutMutation } from '../../api/api-slice';
import { AuthFrame } from './AuthFrame';
import { ChangePasswordForm } from './ChangePasswordForm';

/** After an administrator sets or resets a password, the user must choose their own first. */
export default function ChangePasswordPage({ info }: { forced: true; info: AppInfo }) {
  const [logout] = useLogoutMutation();
  return (
    <AuthFrame title="请设置新密码" subtitle="管理员设置的临时密码须在首次登录时修改" training={info.training}>
      <ChangePasswordForm />
      <Button type="link" block onClick={() => void logout()}>
        退出登录
      </Button>
    </AuthFrame>
  );
}

