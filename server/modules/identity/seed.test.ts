import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_OPEN311_KEY, DEMO_PASSWORD, demoUsers } from './index.js';

// The README publishes the demo accounts; this keeps it true when the seed changes.
describe('demo accounts in the README', () => {
  const readme = fs.readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const users = demoUsers({ almatyDistrict: 'd', almatyBeat: 'b' });

  it.each(users.map((u) => [u.username, u] as const))('%s is listed with its TOTP secret', (username, user) => {
    expect(readme).toMatch(
      new RegExp(`\\|\\s*\`${username.replace('.', '\\.')}\`\\s*\\|[^\\n]*\\|\\s*\`${user.totpSecret}\`\\s*\\|`),
    );
  });

  it('lists the password and the Open311 key', () => {
    expect(readme).toContain(DEMO_PASSWORD);
    expect(readme).toContain(DEMO_OPEN311_KEY);
  });

  it('covers every staff role', () => {
    const roles = new Set(users.flatMap((u) => u.roles));
    expect([...roles].sort()).toEqual([
      'admin',
      'analyst',
      'investigator',
      'officer',
      'operator',
      'partner',
      'prosecutor',
      'supervisor',
    ]);
  });
});
