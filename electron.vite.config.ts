import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { version } from './package.json';

// In development Vite injects inline scripts and a websocket for hot reload; the strict CSP of
// src/renderer/index.html would block them, so only the dev server loosens it. Builds keep it as written.
function devCsp(): Plugin {
  return {
    name: 'passerelle-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace(
        /script-src 'self'/,
        "script-src 'self' 'unsafe-inline'",
      ).replace(/connect-src 'self'/, "connect-src 'self' ws: http://localhost:*");
    },
  };
}

export default defineConfig({
  main: {
    build: {
      // zod is bundled so that the packaged app needs no node_modules at run time.
      externalizeDeps: { exclude: ['zod'] },
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    // Relative URLs: the same build is served from app://passerelle/ in Electron and from
    // http://127.0.0.1 in the browser host.
    base: './',
    plugins: [react(), devCsp()],
    define: { __APP_VERSION__: JSON.stringify(version) },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      minify: true,
      sourcemap: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
