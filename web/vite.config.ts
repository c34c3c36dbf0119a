import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const apiServer = 'http://localhost:8080';

/**
 * The web UI is built from web/ into web/dist, which the server serves at `/` with an SPA
 * fallback. In development (`npm run dev:web`) the API is proxied to the server on port 8080.
 */
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // MapLibre GL alone is ~1 MB minified; it is split into the lazily loaded map chunk.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // locales/ and common/ live beside web/, outside the Vite root.
    fs: { allow: [repoRoot] },
    proxy: {
      '/api': apiServer,
      '/open311': apiServer,
    },
  },
  preview: {
    proxy: {
      '/api': apiServer,
      '/open311': apiServer,
    },
  },
});
