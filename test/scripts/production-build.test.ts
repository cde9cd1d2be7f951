import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/web-host-process';

/**
 * The build the tests drive is the one `npm start` serves: it must be a production build even
 * though Vitest runs it with NODE_ENV=test (React's development runtime is larger and slower).
 */
describe('the built renderer', () => {
  it('is a production build: no React development runtime in any chunk', () => {
    const assets = join(PROJECT_ROOT, 'dist', 'renderer', 'assets');
    const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(0);
    expect(js.filter((f) => f.includes('jsx-dev-runtime'))).toEqual([]);
    for (const f of js) expect(readFileSync(join(assets, f), 'utf8')).not.toContain('react-dom.development');
  });
});
