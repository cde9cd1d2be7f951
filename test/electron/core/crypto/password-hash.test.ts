import { describe, expect, it } from 'vitest';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from '../../../../electron/core/crypto/password-hash';

describe('password hashing (scrypt + salt)', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('Clerk#2026ok');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    await expect(verifyPassword('Clerk#2026ok', stored)).resolves.toBe(true);
    await expect(verifyPassword('Clerk#2026oK', stored)).resolves.toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    expect(await hashPassword('Same#pass1')).not.toBe(await hashPassword('Same#pass1'));
  });

  it('rejects malformed stored values instead of throwing', async () => {
    for (const bad of ['', 'plain', 'scrypt$x$8$1$a$b', 'md5$1$2$3$4$5']) {
      await expect(verifyPassword('anything', bad)).resolves.toBe(false);
    }
    await expect(verifyPassword('', DUMMY_PASSWORD_HASH)).resolves.toBe(false);
  });
});
