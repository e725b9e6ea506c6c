import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from './scripts/csp.ts';

export default defineConfig({
  // Relative asset paths: the built app opens from any folder, offline.
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 4000 },
  // The header as well as the built page's meta: a worker's policy comes from its own
  // response, never from the page's meta, so only the header reaches the workers.
  preview: { headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
});
