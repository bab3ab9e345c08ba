import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { version } from './package.json';
import { injectContentSecurityPolicy } from './src/main/csp';

// The CSP is written once (src/main/csp.ts): the app:// handler sends it as a header and this plugin
// writes it into index.html's meta tag. In development Vite injects inline scripts and a websocket for hot
// reload, which the strict policy would block, so only the dev server loosens it.
function csp(): Plugin {
  return {
    name: 'passerelle-csp',
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        const strict = injectContentSecurityPolicy(html);
        return context.server === undefined ? strict : loosenForDevServer(strict);
      },
    },
  };
}

function loosenForDevServer(html: string): string {
  return html
    .replace(/script-src 'self'/, "script-src 'self' 'unsafe-inline'")
    .replace(/connect-src 'self'/, "connect-src 'self' ws: http://localhost:*");
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
    plugins: [react(), csp()],
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
