import { Result } from 'antd';
import { useRoute } from '../../app/hash-route';
import { IssuanceCaseScreen } from './IssuanceCaseScreen';
import { IssuanceQueueScreen } from './IssuanceQueueScreen';
import { ISSUANCE_PATH, issuanceRoute } from './issuance-route';

/** 发证: the office's registered cases waiting for collection, or one case's 发证 screen. */
export default function IssuancePage() {
  const route = issuanceRoute(useRoute());
  if (!route) return <Result status="404" title="没有这个页面" extra={<a href={`#${ISSUANCE_PATH}`}>返回发证</a>} />;
  if (route.screen === 'case') return <IssuanceCaseScreen key={route.caseId} caseId={route.caseId} />;
  return <IssuanceQueueScreen issued={route.issued} />;
}
