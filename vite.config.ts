import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type Rolldown } from 'vite';
import { CONTENT_SECURITY_POLICY, cspOfHtml, withoutCspMeta } from './electron/web/security.ts';

/**
 * renderer/index.html states its Content Security Policy in a meta tag, for anyone reading
 * the page (and Electronegativity). The build fails unless that tag says exactly
 * CONTENT_SECURITY_POLICY, the policy the app:// scheme and the browser-mode host send as a
 * header. Vite's dev server drops the tag: its hot reload runs inline code.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'deskside-csp',
    transformIndexHtml: {
      order: 'pre',
      handler(html, { server }) {
        const stated = cspOfHtml(html);
        if (stated !== CONTENT_SECURITY_POLICY) {
          throw new Error(
            `renderer/index.html's Content-Security-Policy meta tag must say exactly CONTENT_SECURITY_POLICY (electron/web/security.ts): "${CONTENT_SECURITY_POLICY}"; it says ${stated === undefined ? 'nothing' : `"${stated}"`}`,
          );
        }
        return server ? withoutCspMeta(html) : html;
      },
    },
  };
}

/** The chunks `file` loads before it runs: itself and its static imports, all the way down. */
function staticClosure(bundle: Rolldown.OutputBundle, file: string): Rolldown.OutputChunk[] {
  const found = new Map<string, Rolldown.OutputChunk>();
  const visit = (name: string) => {
    const chunk = bundle[name];
    if (found.has(name) || chunk?.type !== 'chunk') return;
    found.set(name, chunk);
    chunk.imports.forEach(visit);
  };
  visit(file);
  return [...found.values()];
}

/**
 * The entry's reads are worth something only if they go out before core's schemas are built
 * (about a third of a second here): nothing it loads may hold zod.
 */
function assertEntryBuildsNoSchemas(bundle: Rolldown.OutputBundle): void {
  const entry = Object.values(bundle).find(
    (output): output is Rolldown.OutputChunk => output.type === 'chunk' && output.isEntry,
  );
  if (!entry) throw new Error('the build has no entry chunk');
  for (const chunk of staticClosure(bundle, entry.fileName)) {
    const zod = Object.keys(chunk.modules).find((id) => /[\\/]node_modules[\\/]zod[\\/]/.test(id));
    if (zod) {
      throw new Error(
        `renderer/src/boot.ts loads ${chunk.fileName}, which builds zod schemas (${zod}): import what it needs from @deskside/core/schema-free, whose modules SCHEMA_FREE names`,
      );
    }
  }
}

/**
 * The page's entry (renderer/src/boot.ts) asks for the first page's data and then imports
 * the console (main.tsx). The console's scripts are preloaded by the page itself, so they
 * download while the entry runs rather than after it.
 */
function preloadConsole(): Plugin {
  return {
    name: 'deskside-preload-console',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) return [];
        const main = Object.values(bundle).find(
          (output): output is Rolldown.OutputChunk =>
            output.type === 'chunk' && /[\\/]src[\\/]main\.tsx$/.test(output.facadeModuleId ?? ''),
        );
        if (!main) throw new Error('the build has no chunk for renderer/src/main.tsx');
        assertEntryBuildsNoSchemas(bundle);
        return staticClosure(bundle, main.fileName).map(({ fileName: file }) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

const CORE_CHUNK = /[\\/]node_modules[\\/](zod|luxon|canonicalize)[\\/]|[\\/]core[\\/]src[\\/]/;
const SCHEMA_FREE =
  /[\\/]node_modules[\\/]canonicalize[\\/]|[\\/]core[\\/]src[\\/](schema-free|canonical-json|languages|workflow[\\/]statuses)\.ts$/;

const VENDOR_CHUNKS = [
  { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  { name: 'router', test: /[\\/]node_modules[\\/]react-router[\\/]/ },
  { name: 'query', test: /[\\/]node_modules[\\/]@tanstack[\\/](query-core|react-query)[\\/]/ },
  { name: 'i18n', test: /[\\/]node_modules[\\/](i18next|react-i18next)[\\/]/ },
  // core/: the contract's schemas, which the API client checks every answer with. Not what
  // core/src/schema-free.ts gathers: the page's entry uses that before the schemas are built.
  { name: 'schema-free', test: SCHEMA_FREE, priority: 1 },
  { name: 'core', test: CORE_CHUNK },
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
  plugins: [react(), contentSecurityPolicy(), preloadConsole()],
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
