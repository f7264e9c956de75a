import { readFile } from 'node:fs/promises';
import https from 'node:https';
import type { PeerCertificate } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { agentRoutes, type AgentRouteSpec } from '@deskside/core';
import { OPENAPI_FILE, buildOpenApiDocument, renderOpenApiYaml } from '../scripts/gen-openapi';
import { startAgent, type RunningAgent } from './helpers/agent-process';

interface Operation {
  security?: unknown[];
  responses: Record<string, unknown>;
}
interface OpenApiDocument {
  openapi: string;
  info: { version: string };
  paths: Record<string, Record<string, Operation | string>>;
  components: { schemas: Record<string, unknown>; responses: Record<string, unknown> };
}

const committed = async () => (await readFile(OPENAPI_FILE, 'utf8')).replace(/\r\n/g, '\n');

function getStatus(agent: RunningAgent, target: string, token?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: agent.host,
        port: agent.port,
        path: target,
        headers: token ? { authorization: `Bearer ${token}` } : {},
        agent: false,
        ca: agent.certPem,
        checkServerIdentity: (_host: string, cert: PeerCertificate) =>
          cert.fingerprint256 === agent.fingerprint ? undefined : new Error('not the pinned cert'),
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          resolve(res.statusCode ?? 0);
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('agent/openapi.yaml', () => {
  it('is what scripts/gen-openapi.ts generates from the current schemas', async () => {
    expect(
      await committed(),
      'agent/openapi.yaml is stale: run `npm run gen:openapi` and commit the result',
    ).toBe(renderOpenApiYaml());
  });

  it('is OpenAPI 3.0 with the agent package version', async () => {
    const document = YAML.parse(await committed()) as OpenApiDocument;
    expect(document).toEqual(buildOpenApiDocument());
    expect(document.openapi).toMatch(/^3\.0\.\d+$/);
    const agentPackage = JSON.parse(
      await readFile(new URL('../agent/package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    expect(document.info.version).toBe(agentPackage.version);
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(['AgentErrorResponse', 'AgentHealth', 'Inventory']),
    );
  });

  it('has no reference to a missing component', () => {
    const document = buildOpenApiDocument();
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const pointer = /"\$ref":"#\/([^"]+)"/.exec(ref)?.[1];
      expect(pointer, ref).toBeDefined();
      let node: unknown = document;
      for (const key of pointer!.split('/')) node = (node as Record<string, unknown>)[key];
      expect(node, ref).toBeDefined();
    }
  });

  it('documents every route of the agent protocol, with its method', () => {
    const document = buildOpenApiDocument() as unknown as OpenApiDocument;
    for (const spec of Object.values(agentRoutes) as AgentRouteSpec[]) {
      expect(document.paths[spec.path]?.[spec.method.toLowerCase()], spec.path).toBeDefined();
    }
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/v1/health', '/v1/inventory']),
    );
  });

  describe('against the running agent', () => {
    let agent: RunningAgent;
    beforeAll(async () => {
      agent = await startAgent();
    });
    afterAll(async () => {
      await agent.stop();
    });

    it('answers every documented GET with a documented status', async () => {
      const document = buildOpenApiDocument() as unknown as OpenApiDocument;
      for (const [route, item] of Object.entries(document.paths)) {
        const get = item.get as (Operation & { parameters?: { required: boolean }[] }) | undefined;
        // Only routes a plain GET can call: no required query parameters.
        if (!get || get.parameters?.some((p) => p.required)) continue;
        const open = get.security?.length === 0;
        const withToken = await getStatus(agent, route, agent.token);
        const withoutToken = await getStatus(agent, route);
        expect(withToken, route).toBe(200);
        expect(withoutToken, route).toBe(open ? 200 : 401);
        expect(Object.keys(get.responses), route).toEqual(
          expect.arrayContaining(open ? ['200'] : ['200', '401']),
        );
      }
    });

    it('answers an undocumented route as the document says (401 without token, 404 with)', async () => {
      const route = '/v1/not-documented';
      expect(await getStatus(agent, route)).toBe(401);
      expect(await getStatus(agent, route, agent.token)).toBe(404);
    });
  });
});
