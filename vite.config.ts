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
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 4000,
    // zod and the switch that turns its JIT off share one chunk, so the switch runs before any
    // schema in any other chunk is built (a chunk's imports run before its own code: in the
    // entry chunk the switch would come too late, and the CSP would report zod's eval probe).
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]src[\\/]zod-jitless\.ts$/ },
          ],
        },
      },
    },
  },
  // The header as well as the built page's meta: a worker's policy comes from its own
  // response, never from the page's meta, so only the header reaches the workers.
  preview: { headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
});
