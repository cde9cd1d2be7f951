import { Card } from 'antd';
import { ChangePasswordForm } from '../auth/ChangePasswordForm';

export default function AccountPage() {
  return (
    <Card title="修改密码" style={{ maxWidth: 480 }}>
      <ChangePasswordForm />
    </Card>
  );
}
