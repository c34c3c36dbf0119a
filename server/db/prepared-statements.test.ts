import { describe, expect, it } from 'vitest';
import { StatementNames } from './prepared-statements.js';

describe('statement names', () => {
  it('names a text only once it has come back, and always with the same name', () => {
    const names = new StatementNames();
    const text = 'select * from incidents where id = $1';
    expect(names.nameFor(text)).toBeUndefined();
    expect(names.nameFor(text)).toBeUndefined();
    const name = names.nameFor(text);
    expect(name).toMatch(/^aman_[0-9a-f]{32}$/);
    expect(names.nameFor(text)).toBe(name);
    expect(names.nameFor('select * from units where id = $1')).toBeUndefined();
  });

  it('stops naming new texts at its bound but keeps the names it gave', () => {
    const names = new StatementNames();
    const first = 'select $1::int';
    for (let i = 0; i < 3; i++) names.nameFor(first);
    for (let n = 0; n < 600; n++) for (let i = 0; i < 3; i++) names.nameFor(`select $1::int + ${n}`);
    expect(names.nameFor(first)).toBeDefined();
    const late = 'select $1::text';
    for (let i = 0; i < 5; i++) expect(names.nameFor(late)).toBeUndefined();
  });
});
