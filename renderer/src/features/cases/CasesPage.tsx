import { useRoute } from '../../app/hash-route';
import { CaseDetail } from './CaseDetail';
import { CaseList } from './CaseList';
import { caseIdIn } from './case-route';

/**
 * 业务查询: `/cases` lists and searches cases, `/cases/12` shows case 12. The list stays mounted
 * (hidden) under a detail, so the clerk comes back to the same search, filters and page.
 */
export default function CasesPage() {
  const id = caseIdIn(useRoute(), '/cases');
  return (
    <>
      <div hidden={id !== null}>
        <CaseList active={id === null} />
      </div>
      {id !== null && <CaseDetail key={id} id={id} />}
    </>
  );
}
