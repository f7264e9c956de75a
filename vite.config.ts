import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
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

const VENDOR_CHUNKS = [
  { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  { name: 'router', test: /[\\/]node_modules[\\/]react-router[\\/]/ },
  { name: 'query', test: /[\\/]node_modules[\\/]@tanstack[\\/](query-core|react-query)[\\/]/ },
  { name: 'i18n', test: /[\\/]node_modules[\\/](i18next|react-i18next)[\\/]/ },
  // core/: the contract's schemas, which the API client checks every answer with.
  {
    name: 'core',
    test: /[\\/]node_modules[\\/](zod|luxon|canonicalize)[\\/]|[\\/]core[\\/]src[\\/]/,
  },
];

/**
 * React Router's package exports name only its development build (extra checks and warnings,
 * a slower first render); the build takes the production one it ships beside it.
 */
const ROUTER_PRODUCTION = fileURLToPath(
  new URL('./node_modules/react-router/dist/production/', import.meta.url),
);

export default defineConfig(({ command }) => ({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  resolve: {
    alias:
      command === 'build'
        ? [
            { find: /^react-router$/, replacement: `${ROUTER_PRODUCTION}index.mjs` },
            { find: /^react-router\/dom$/, replacement: `${ROUTER_PRODUCTION}dom-export.mjs` },
          ]
        : [],
  },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    rolldownOptions: {
      output: {
        // Each page and each language is a chunk of its own (dynamic imports in app/App.tsx and
        // i18n/index.ts). The libraries every page needs are grouped by what they are, so a
        // release that changes the console's own code leaves them as they were.
        codeSplitting: { groups: VENDOR_CHUNKS },
      },
    },
  },
}));
