import { useState } from 'react';
import { navigate, useRoute } from '../../app/hash-route';
import { caseIdIn } from '../cases/case-route';
import { IntakeWizard } from './IntakeWizard';

/**
 * 受理: `/intake` starts a new intake, `/intake/12` resumes the draft (or requisitioned case) 12.
 * After 受理 the wizard moves to `/intake/12`, which shows the result; 受理下一件 (or 受理 in the
 * menu) starts over at `/intake`.
 */
export default function IntakePage() {
  const route = useRoute();
  const resumeId = caseIdIn(route, '/intake');
  const [round, setRound] = useState(0);
  const next = () => (resumeId === null ? setRound((r) => r + 1) : navigate('/intake'));
  return <IntakeWizard key={`${route}#${round}`} resumeId={resumeId} onNext={next} />;
}
