/** Detail routes: `/cases/12` shows case 12, `/intake/12` resumes its intake. */
export function caseIdIn(route: string, base: '/cases' | '/intake'): number | null {
  const m = new RegExp(`^${base}/(\\d+)$`).exec(route);
  return m ? Number(m[1]) : null;
}

export function caseDetailPath(id: number): string {
  return `/cases/${id}`;
}

export function resumeIntakePath(id: number): string {
  return `/intake/${id}`;
}
