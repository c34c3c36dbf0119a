// A worker thread starts as plain Node, whether the server runs under `npx tsx`, `node bin/aman.js`
// or Vitest: tsx is registered here before the TypeScript worker is imported.
import { register } from 'tsx/esm/api';

register();
await import('./forecast-worker.ts');
