import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The browser app lives in app/; the collaboration server serves the built dist/ itself,
// so in production there is one origin and no CORS. `npm run dev:app` proxies to it.
const serverUrl = process.env.KASANE_DEV_SERVER ?? 'http://localhost:8080';

export default defineConfig({
  root: 'app',
  plugins: [react()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': serverUrl,
      '/collaboration': { target: serverUrl.replace(/^http/, 'ws'), ws: true },
    },
  },
});
