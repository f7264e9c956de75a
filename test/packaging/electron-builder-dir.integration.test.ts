/**
 * electron-builder itself packs the console (`--dir`: the unpacked app every installer is made
 * from) into a stand-in for Electron's binary, which cannot be downloaded on this machine: a
 * file holding Electron's fuse wire, which electron-builder flips as it would the real one.
 * What is checked is electron-builder's real output: the archive, the unpacked native
 * module, and the fuses.
 */
import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { extractAll, listPackage, statFile } from '@electron/asar';
import type BetterSqlite3 from 'better-sqlite3';
import type PdfKit from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '#test/helpers/pdf-pages';
import {
  CONFIG_FILES,
  ROOT,
  ensureBuilt,
  loadConfig,
  packagedBinaries,
  productionModules,
  readFuses,
} from './builder-config';

const ELECTRON_VERSION = (
  JSON.parse(readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as {
    version: string;
  }
).version;
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's own fuse settings, version 1 of the wire, as a released binary ships them. */
const ELECTRON_DEFAULT_WIRE = '10110001';

let work: string;
let resources: string;

/** A project folder as a fresh `npm ci --omit=dev` leaves it, holding this build's output. */
function stageProject(project: string): void {
  for (const file of [...CONFIG_FILES, 'package.json', 'build', 'dist/electron', 'dist/renderer']) {
    cpSync(path.join(ROOT, file), path.join(project, file), { recursive: true });
  }
  for (const folder of productionModules()) {
    cpSync(path.join(ROOT, folder), path.join(project, folder), {
      recursive: true,
      dereference: true,
    });
  }
}

function stageFakeElectron(folder: string): void {
  mkdirSync(folder, { recursive: true });
  const wire = Buffer.concat([
    Buffer.from('stand-in for the Electron binary\n'),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]),
    Buffer.from(ELECTRON_DEFAULT_WIRE),
  ]);
  writeFileSync(path.join(folder, 'electron'), wire, { mode: 0o755 });
  writeFileSync(path.join(folder, 'version'), `v${ELECTRON_VERSION}`);
}

beforeAll(async () => {
  ensureBuilt();
  work = mkdtempSync(path.join(tmpdir(), 'deskside-pack-'));
  const project = path.join(work, 'project');
  stageProject(project);
  stageFakeElectron(path.join(work, 'electron'));
  const output = path.join(work, 'out');
  await promisify(execFile)(
    path.join(ROOT, 'node_modules/.bin/electron-builder'),
    [
      '--dir',
      '--linux',
      '--x64',
      '--projectDir',
      project,
      `-c.electronDist=${path.join(work, 'electron')}`,
      `-c.electronVersion=${ELECTRON_VERSION}`,
      // A rebuild would need Electron's headers from the network; Node's build is packed.
      '-c.npmRebuild=false',
      `-c.directories.output=${output}`,
    ],
    { cwd: project, env: { ...process.env, CI: '1' } },
  );
  resources = path.join(output, 'linux-unpacked/resources');
}, 120_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('electron-builder packing the console into a stand-in Electron binary', () => {
  it('flips the fuses electron-builder.yml names in the packaged binary', async () => {
    const [binary] = packagedBinaries(path.join(resources, '../..'));
    expect(binary).toBeDefined();
    const config = await loadConfig('electron-builder.yml');
    const fuses = await readFuses(binary ?? '');
    expect(fuses).toMatchObject(config.electronFuses ?? {});
    expect(fuses.runAsNode).toBe(false);
    expect(fuses.onlyLoadAppFromAsar).toBe(true);
  });

  it('archives the bundles and the page, and no source map or browser-mode host', () => {
    const archived = listPackage(path.join(resources, 'app.asar'), { isPack: false });
    expect(archived).toEqual(
      expect.arrayContaining([
        '/dist/electron/main.cjs',
        '/dist/electron/preload.cjs',
        '/dist/renderer/index.html',
        '/package.json',
      ]),
    );
    expect(archived.some((file) => file.startsWith('/dist/renderer/assets/'))).toBe(true);
    expect(archived.filter((file) => file.endsWith('.map'))).toEqual([]);
    expect(archived).not.toContain('/dist/electron/web-host.mjs');
    expect(archived.filter((file) => /\/(src|deps)\/.*\.(c|cc|cpp|h)$/.test(file))).toEqual([]);
  });

  it("packs pdfkit's data and the two DejaVu faces the report PDFs use, and no other face", () => {
    const archived = listPackage(path.join(resources, 'app.asar'), { isPack: false });
    expect(archived).toEqual(
      expect.arrayContaining([
        '/node_modules/pdfkit/js/pdfkit.js',
        '/node_modules/pdfkit/js/data/sRGB_IEC61966_2_1.icc',
        '/node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
        '/node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
      ]),
    );
    const faces = archived.filter((file) => file.endsWith('.ttf'));
    expect(faces.sort()).toEqual([
      '/node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
      '/node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
    ]);
  });

  it('writes Greek into a PDF with the pdfkit and the font the packed main script finds', async () => {
    const view = path.join(work, 'pdf-view');
    extractAll(path.join(resources, 'app.asar'), view);
    const fromMain = createRequire(path.join(view, 'dist/electron/main.cjs'));
    const font = fromMain.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
    expect(path.relative(view, font)).toBe('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
    const PDFDocument = fromMain('pdfkit') as typeof PdfKit;
    const doc = new PDFDocument({ size: 'A4', font });
    const chunks: Uint8Array[] = [];
    const ended = new Promise((resolve) => doc.on('end', resolve));
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.text('Επαναλαμβανόμενα προβλήματα');
    doc.end();
    await ended;
    const { text } = await renderPdf(Buffer.concat(chunks));
    expect(text).toContain('Επαναλαμβανόμενα προβλήματα');
  });

  it('packs the modules `dependencies` needs and no other', () => {
    const archived = listPackage(path.join(resources, 'app.asar'), { isPack: false });
    const modules = archived
      .map((file) => /^\/((?:node_modules\/(?:@[^/]+\/)?[^/]+\/)+)package\.json$/.exec(file)?.[1])
      .filter((folder): folder is string => folder !== undefined)
      .map((folder) => folder.slice(0, -1));
    expect(modules.sort()).toEqual(productionModules());
    // Addons Electron can load: better-sqlite3's, and not ssh2's, which stays built for Node.
    const addons = archived.filter((file) => file.endsWith('.node'));
    expect(addons).toContain('/node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(addons.filter((file) => /ssh2|test_extension/.test(file))).toEqual([]);
  });

  it('loads better-sqlite3 from app.asar.unpacked, as the packaged main script finds it', () => {
    const archive = path.join(resources, 'app.asar');
    const binding = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(statFile(archive, binding)).toMatchObject({ unpacked: true });
    const unpacked = path.join(`${archive}.unpacked`, binding);
    expect(existsSync(unpacked)).toBe(true);

    // The archive as Electron's file system shows it to the main script: unpacked files
    // appear inside it, and loading one of them loads the file in app.asar.unpacked.
    const view = path.join(work, 'app.asar');
    extractAll(archive, view);
    const fromMain = createRequire(path.join(view, 'dist/electron/main.cjs'));
    const entry = fromMain.resolve('better-sqlite3');
    expect(path.relative(view, entry)).toBe('node_modules/better-sqlite3/lib/index.js');
    const bindings = createRequire(entry)('bindings') as (options: object) => string;
    const found = bindings({
      bindings: 'better_sqlite3.node',
      module_root: path.join(view, 'node_modules/better-sqlite3'),
      path: true,
    });
    expect(path.relative(view, found)).toBe(binding);
    const electronLoads = path.join(`${archive}.unpacked`, path.relative(view, found));
    expect(electronLoads).toBe(unpacked);

    // Built for Node's ABI here (no rebuild without Electron's headers): Node can open it.
    const Database = fromMain('better-sqlite3') as typeof BetterSqlite3;
    const db = new Database(':memory:', { nativeBinding: electronLoads });
    expect(db.prepare('select 6 * 7 as answer').get()).toEqual({ answer: 42 });
    db.close();
  });
});
