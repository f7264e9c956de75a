// Where code runs is enforced here: each folder may import only what its runtime has.
import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** Import bans for one runtime, with the reason shown to whoever trips them. */
function restrict(patterns) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: patterns.paths ?? [],
        patterns: patterns.groups ?? [],
      },
    ],
  };
}

const nodeBuiltinBan = (why) => nodeBuiltins.map((name) => ({ name, message: why }));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'agent/dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node },
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: restrict({
      paths: [
        ...nodeBuiltinBan('core/ is pure: it runs in the agent, the console and the renderer'),
        { name: 'electron', message: 'core/ is pure: no Electron' },
        { name: 'better-sqlite3', message: 'core/ does no I/O' },
        { name: 'systeminformation', message: 'core/ does no I/O' },
        { name: 'kysely', message: 'core/ does no I/O' },
      ],
      groups: [
        {
          group: ['@deskside/agent', '@deskside/agent/*'],
          message: 'core/ depends on nothing of ours',
        },
        {
          group: ['**/electron/**', '**/renderer/**', '**/agent/**'],
          message: 'core/ depends on nothing of ours',
        },
      ],
    }),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict({
        paths: [
          ...nodeBuiltinBan(
            'The renderer runs in a browser: talk to the console through the API client',
          ),
          {
            name: 'electron',
            message: 'The renderer talks to the console only through the API client',
          },
        ],
        groups: [
          {
            group: ['@deskside/agent', '@deskside/agent/*', '**/agent/**', '**/electron/**'],
            message: 'The renderer talks to the console only through the API client',
          },
          {
            group: ['better-sqlite3', 'kysely', 'systeminformation', 'pino'],
            message: 'No I/O libraries in the renderer',
          },
        ],
      }),
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/web/**/*.ts'],
    rules: restrict({
      paths: [
        {
          name: 'electron',
          message:
            'Console services are plain Node: they run in Electron, the browser-mode host and tests alike',
        },
      ],
      groups: [
        {
          group: ['**/main/*', '**/preload/*', '**/renderer/**'],
          message: 'Services do not depend on Electron adapters or the UI',
        },
      ],
    }),
  },
  {
    // Electron's main process: a thin adapter that exposes the console services.
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/**/*.test.ts'],
    rules: restrict({
      paths: ['better-sqlite3', 'kysely', 'pg'].map((name) => ({
        name,
        message: 'Electron main is a thin adapter: data goes through the console services',
      })),
      groups: [
        {
          group: ['**/renderer/**', '**/preload/**', '@deskside/agent', '@deskside/agent/*'],
          message:
            'Electron main talks to the UI only through IPC, and to agents through the services',
        },
      ],
    }),
  },
  {
    // The preload runs sandboxed in the renderer's process: Electron's bridge and the channel
    // names, nothing with Node or the console's code.
    files: ['electron/preload/**/*.ts'],
    rules: restrict({
      paths: [
        ...nodeBuiltinBan('The preload is sandboxed: it has no Node modules'),
        {
          name: '@deskside/core',
          allowTypeImports: true,
          message:
            'The preload stays small: types from @deskside/core, channels from @deskside/core/ipc',
        },
      ],
      groups: [
        {
          group: [
            '**/services/**',
            '**/main/**',
            '**/renderer/**',
            '**/web/**',
            '@deskside/agent*',
          ],
          message: 'The preload exposes the IPC contract only: no console, UI or agent code',
        },
      ],
    }),
  },
  {
    // Every word the analyst reads goes through the translations (en, nl, fr, el).
    files: ['renderer/src/**/*.tsx'],
    ignores: ['renderer/src/**/*.test.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': { include: ['^(aria-label|title|alt|placeholder)$'] },
          // Punctuation and symbols that read the same in every language.
          words: { exclude: ['^[\\s#:·—←→/()0-9.,%-]*$'] },
        },
      ],
    },
  },
  {
    files: ['agent/src/**/*.ts'],
    rules: restrict({
      paths: [{ name: 'electron', message: 'The agent ships without Electron' }],
      groups: [
        {
          group: ['**/electron/**', '**/renderer/**', 'react', 'react-dom'],
          message: 'The agent ships on its own: no console or UI code',
        },
      ],
    }),
  },
  {
    // Playwright reads fixture dependencies from a destructuring pattern, empty or not.
    files: ['test/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
);
