import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Where code runs is enforced by lint: these are the imports each runtime must refuse.
// Only the rules under test run, without type information, so the check takes a moment.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports' || ruleId.startsWith('i18next/'),
});

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('import boundaries', () => {
  it('keep core/ free of I/O, Node and Electron', async () => {
    const messages = await restrictedImports(
      'core/src/index.ts',
      "import fs from 'node:fs';\nimport os from 'os';\nimport { app } from 'electron';\nimport Database from 'better-sqlite3';\nexport const x = [fs, os, app, Database];\n",
    );
    expect(messages).toHaveLength(4);
    expect(messages[0]).toMatch(/core\/ is pure/);
  });

  it('keep the renderer away from Node, Electron, the agent and the services', async () => {
    const messages = await restrictedImports(
      'renderer/src/main.tsx',
      "import fs from 'node:fs';\nimport { ipcRenderer } from 'electron';\nimport { collectInventory } from '@deskside/agent/collect';\nimport { openConsole } from '../../electron/services/console';\nexport const x = [fs, ipcRenderer, collectInventory, openConsole];\n",
    );
    expect(messages).toHaveLength(4);
  });

  it('keep console services and the browser-mode host free of Electron', async () => {
    for (const filePath of ['electron/services/console.ts', 'electron/web/host.ts']) {
      const messages = await restrictedImports(
        filePath,
        "import { app } from 'electron';\nexport const x = app;\n",
      );
      expect(messages, filePath).toEqual([expect.stringMatching(/plain Node/)]);
    }
  });

  it('keep the agent free of Electron and the console', async () => {
    const messages = await restrictedImports(
      'agent/src/cli/main.ts',
      "import { app } from 'electron';\nimport { openConsole } from '../../../electron/services/console';\nexport const x = [app, openConsole];\n",
    );
    expect(messages).toHaveLength(2);
  });

  it('keep core/ out of the console, the UI and the agent at any depth', async () => {
    const messages = await restrictedImports(
      'core/src/checks/catalog.ts',
      "import { a } from '../../../electron/services/tickets/ticket-writer';\nimport { b } from '../../renderer/src/api/client';\nimport { c } from '../../../agent/src/checks/runner';\nexport const x = [a, b, c];\n",
    );
    expect(messages).toEqual(Array(3).fill(expect.stringMatching(/depends on nothing of ours/)));
  });

  it('keep Electron main a thin adapter: no UI code and no database of its own', async () => {
    const messages = await restrictedImports(
      'electron/main/index.ts',
      "import { App } from '../../renderer/src/app/App';\nimport Database from 'better-sqlite3';\nimport { collectInventory } from '@deskside/agent/collect';\nexport const x = [App, Database, collectInventory];\n",
    );
    expect(messages).toHaveLength(3);
  });

  it('keep the preload sandboxed: no Node, no services, only types from core', async () => {
    const messages = await restrictedImports(
      'electron/preload/index.ts',
      "import fs from 'node:fs';\nimport { openConsole } from '../services/console';\nimport { apiMethods } from '@deskside/core';\nimport type { ApiBridge } from '@deskside/core';\nimport { ipcChannel } from '@deskside/core/ipc';\nexport const x = [fs, openConsole, apiMethods, ipcChannel];\nexport type Y = ApiBridge;\n",
    );
    expect(messages).toHaveLength(3);
  });

  it('let Electron main import Electron', async () => {
    expect(
      await restrictedImports(
        'electron/main/index.ts',
        "import { app } from 'electron';\nexport const x = app;\n",
      ),
    ).toEqual([]);
  });
});

describe('translations', () => {
  async function literalStrings(code: string): Promise<number> {
    const [result] = await eslint.lintText(code, {
      filePath: 'renderer/src/pages/TicketPage.tsx',
    });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'i18next/no-literal-string').length;
  }

  it('refuse words written into the UI instead of going through the translations', async () => {
    expect(
      await literalStrings(
        'export function Page() {\n  return <p title="Open ticket">Ticket saved</p>;\n}\n',
      ),
    ).toBe(2);
  });

  it('let translated text and language-neutral punctuation through', async () => {
    expect(
      await literalStrings(
        "import { useTranslation } from 'react-i18next';\nexport function Page() {\n  const { t } = useTranslation();\n  return <p>← {t('tickets.back')} · #</p>;\n}\n",
      ),
    ).toBe(0);
  });
});
