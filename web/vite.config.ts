// Builds the explorer into web/dist, served by the API at /explorer/ (src/web.ts): the
// graph explorer (index.html) and the review page for proposals (review.html).
// Everything they use is bundled: the pages load nothing from another host.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/explorer/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // cytoscape.js alone is about 400 kB minified; one chunk is fine for a local tool.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      input: {
        explorer: fileURLToPath(new URL('index.html', import.meta.url)),
        review: fileURLToPath(new URL('review.html', import.meta.url)),
      },
    },
  },
});
