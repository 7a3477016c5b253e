import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const API = `http://localhost:${process.env.PORT ?? 3000}`;

// `npm run build` writes web/dist, which the Fastify server serves; `npm run dev` runs Vite's dev
// server with the API paths proxied to the service on PORT (default 3000).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Pages are split by area (app.tsx, React.lazy). The largest chunk left is the chart library
    // (echarts core, bar chart, canvas: ~507 kB, 171 kB gzipped), fetched only by report pages.
    chunkSizeWarningLimit: 550,
  },
  server: {
    proxy: {
      '/api': API,
      '/health': API,
      '/metrics': API,
      '/auth': API,
    },
  },
});
