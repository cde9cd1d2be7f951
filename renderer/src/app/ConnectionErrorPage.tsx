import { Result } from 'antd';

/** The back end does not answer: antd's Result (with its illustrations) loads only in this case. */
export default function ConnectionErrorPage() {
  return <Result status="error" title="无法连接工作站后台服务" subTitle="请确认程序仍在运行，然后刷新页面。" />;
}
