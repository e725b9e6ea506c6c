// Zod off its JIT path, for the Content-Security-Policy (no 'unsafe-eval'): z.object() probes
// `new Function` when it is created, and a strict CSP reports that probe as a violation even
// though zod catches the throw. Import this first in every browser entry (page and workers),
// ahead of any module that builds a schema; the Node CLI keeps the JIT.
import { z } from 'zod';

z.config({ jitless: true });
