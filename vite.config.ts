import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './electron/web/security.ts';

/**
 * The built page carries its CSP as a meta tag too, for Electron's file:// page where no
 * server sends headers. Only in the build: the dev server's hot reload needs inline code.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'deskside-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    // A desktop app loads its one bundle from disk or loopback: no need to split it.
    chunkSizeWarningLimit: 2048,
  },
});
