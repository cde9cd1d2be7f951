/** 发证 routes: `/issuance` the 待领证 list (`/issuance/issued` the issued ones), `/issuance/12` one case. */
export type IssuanceRoute = { screen: 'queue'; issued: boolean } | { screen: 'case'; caseId: number };

export const ISSUANCE_PATH = '/issuance';

export function issuanceRoute(route: string): IssuanceRoute | null {
  if (route === ISSUANCE_PATH) return { screen: 'queue', issued: false };
  if (route === `${ISSUANCE_PATH}/issued`) return { screen: 'queue', issued: true };
  const m = /^\/issuance\/(\d+)$/.exec(route);
  return m ? { screen: 'case', caseId: Number(m[1]) } : null;
}

export const issuanceCasePath = (caseId: number) => `${ISSUANCE_PATH}/${caseId}`;
