import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldCrypto } from './field-crypto.js';

const fields = createFieldCrypto(crypto.randomBytes(32));

describe('field encryption', () => {
  it('gives back the text it sealed, in any script', () => {
    const text = 'Қызым үйге келмеді — дочь не пришла домой';
    expect(fields.decrypt(fields.encrypt(text))).toBe(text);
  });

  it('never seals two fields with one nonce, across many pool draws', () => {
    const nonces = Array.from({ length: 1_000 }, () => fields.encrypt('same text').split('.')[1]);
    expect(new Set(nonces).size).toBe(1_000);
  });

  it('refuses a sealed field that was altered or sealed under another key', () => {
    const sealed = fields.encrypt('Abай көшесі 12');
    const [version, nonce, body, tag] = sealed.split('.');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => fields.decrypt([version, nonce, flipped.toString('base64url'), tag].join('.'))).toThrow();
    expect(() => createFieldCrypto(crypto.randomBytes(32)).decrypt(sealed)).toThrow();
  });

  it('finds a value by its lookup hash however it was typed', () => {
    expect(fields.lookupHash(' Aigerim@Example.kz ')).toBe(fields.lookupHash('aigerim@example.kz'));
    expect(fields.lookupHash('a@example.kz')).not.toBe(fields.lookupHash('b@example.kz'));
  });
});
