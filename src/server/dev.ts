import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

// `npm run dev`: the API as `npm start` runs it (PORT, default 3000) plus Vite's dev server with hot
// reload for the web app (VITE_PORT, default 5173), which proxies /api, /health, /metrics, /auth to it.
process.env.LOKET_WEB_DIST ??= path.join(process.cwd(), 'web', 'dist-dev-unused');
await import('./main.ts');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web');
const vite = await createServer({
  configFile: path.join(root, 'vite.config.ts'),
  server: { port: Number(process.env.VITE_PORT ?? 5173) },
});
await vite.listen();
vite.printUrls();
console.log('  Edit web/src/**: the browser reloads by itself. Server code changes need a restart.');
