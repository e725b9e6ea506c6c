import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from './scripts/csp.ts';

export default defineConfig({
  // Relative asset paths: the built app opens from any folder, offline.
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  resolve: {
    alias: {
      // stdlib probes for generators with eval, which the CSP blocks (src/shims says more).
      '@stdlib/assert-has-generator-support': fileURLToPath(
        new URL('./src/shims/has-generator-support.cjs', import.meta.url),
      ),
    },
  },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 4000 },
  // The header as well as the built page's meta: a worker's policy comes from its own
  // response, never from the page's meta, so only the header reaches the workers.
  preview: { headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
});
