/** Bytes encrypted with AES-GCM: the 96-bit nonce and the ciphertext with its tag. */
export interface SealedBytes {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

/**
 * The device's queue key: AES-256-GCM, non-extractable, so even a script that reads IndexedDB
 * gets a handle it can use on this device only, never the key's bytes to carry elsewhere.
 */
export function generateQueueKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

const encoder = new TextEncoder();

/**
 * Encrypts bytes. `context` (the record's id and the part's name) is authenticated with them, so a
 * ciphertext moved to another record or part fails to open instead of passing as that one.
 */
export async function seal(key: CryptoKey, plain: BufferSource, context: string): Promise<SealedBytes> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(context) }, key, plain);
  return { iv, data };
}

/** Decrypts what `seal` made with the same key and context; rejects if anything was altered. */
export function open(key: CryptoKey, sealed: SealedBytes, context: string): Promise<ArrayBuffer> {
  return crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv, additionalData: encoder.encode(context) }, key, sealed.data);
}

export function sealJson(key: CryptoKey, value: unknown, context: string): Promise<SealedBytes> {
  return seal(key, encoder.encode(JSON.stringify(value)), context);
}

export async function openJson<T>(key: CryptoKey, sealed: SealedBytes, context: string): Promise<T> {
  return JSON.parse(new TextDecoder().decode(await open(key, sealed, context))) as T;
}
