import { useState } from 'react';
import { navigate, useRoute } from '../../app/hash-route';
import { caseIdIn, resumeIntakePath } from '../cases/case-route';
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
  // A draft created here moves the address to /intake/<id> (so a reload opens it again) without
  // starting the wizard over: it keeps the key it had at /intake.
  const [adopted, setAdopted] = useState<number | null>(null);
  const next = () => {
    setAdopted(null);
    setRound((r) => r + 1);
    if (resumeId !== null) navigate('/intake');
  };
  const adopt = (id: number) => {
    setAdopted(id);
    window.history.replaceState(null, '', `#${resumeIntakePath(id)}`);
  };
  const key = resumeId !== null && resumeId === adopted ? `/intake#${round}` : `${route}#${round}`;
  return <IntakeWizard key={key} resumeId={resumeId} onNext={next} onDraftCreated={adopt} />;
}
