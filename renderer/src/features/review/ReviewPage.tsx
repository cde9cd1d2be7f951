import { Result } from 'antd';
import { useRoute } from '../../app/hash-route';
import { QueuesScreen } from './queue/QueuesScreen';
import { RegisterScreen } from './registration/RegisterScreen';
import { REVIEW_PATH, reviewRoute } from './review-route';
import { WorkspaceScreen } from './workspace/WorkspaceScreen';

/** 审核: the queues, one case's review workspace, or its 登簿 screen, by route (review-route.ts). */
export default function ReviewPage() {
  const route = reviewRoute(useRoute());
  if (!route) return <Result status="404" title="没有这个页面" extra={<a href={`#${REVIEW_PATH}`}>返回审核</a>} />;
  if (route.screen === 'workspace') return <WorkspaceScreen key={route.caseId} caseId={route.caseId} />;
  if (route.screen === 'register') return <RegisterScreen key={route.caseId} caseId={route.caseId} />;
  return <QueuesScreen queue={route.queue} />;
}
