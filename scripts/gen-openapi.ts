// Writes agent/openapi.yaml from the zod schemas in core/. Run: npm run gen:openapi
// test/openapi.test.ts fails when the committed file differs from what this produces.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { z } from 'zod';
import {
  AGENT_API_VERSION,
  AgentErrorResponseSchema,
  AgentHealthSchema,
  DEFAULT_AGENT_PORT,
  InventorySchema,
  type AgentErrorCode,
} from '@deskside/core';
import { AGENT_VERSION } from '../agent/src/version';

export const OPENAPI_FILE = fileURLToPath(new URL('../agent/openapi.yaml', import.meta.url));

const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const responseRef = (name: string) => ({ $ref: `#/components/responses/${name}` });

/** One reusable response per error code the agent sends, all with the same body shape. */
const ERROR_RESPONSES: Record<AgentErrorCode, { name: string; description: string }> = {
  bad_request: {
    name: 'BadRequest',
    description:
      'The request target is not a path (absolute-form such as `GET http://host/v1/health`, or asterisk-form `*`).',
  },
  unauthorized: {
    name: 'Unauthorized',
    description:
      'No valid console token. Sent for every route that needs one, and for every unknown route, so a caller without a token cannot tell which routes exist.',
  },
  not_found: {
    name: 'NotFound',
    description: 'No such route (only told to a caller with a valid console token).',
  },
  method_not_allowed: {
    name: 'MethodNotAllowed',
    description:
      'The route exists but only answers GET. On a route that needs a token, only a caller with a valid token is told this; others get 401.',
  },
  internal: {
    name: 'Internal',
    description: 'The agent could not complete the request. The body never carries a stack trace.',
  },
};

function errorResponse(code: AgentErrorCode) {
  return {
    description: ERROR_RESPONSES[code].description,
    content: { 'application/json': { schema: schemaRef('AgentErrorResponse') } },
  };
}

function jsonSchema(schema: z.ZodType): unknown {
  return z.toJSONSchema(schema, { target: 'openapi-3.0' });
}

/** The OpenAPI document of the agent's HTTPS API, as a plain object. */
export function buildOpenApiDocument(): Record<string, unknown> {
  const errors = ERROR_RESPONSES;
  const notGet = `Any method other than GET: ${errors.method_not_allowed.name} (405).`;
  return {
    openapi: '3.0.3',
    info: {
      title: 'Deskside agent API',
      version: AGENT_VERSION,
      description: [
        `The HTTPS API of the Deskside diagnostics agent (API version ${AGENT_API_VERSION}). It is read-only: nothing here runs commands.`,
        '',
        `Errors always have the body \`AgentErrorResponse\`. A request to a path not listed here gets ${errors.unauthorized.name} (401) without a valid console token and ${errors.not_found.name} (404) with one. A request target that is not a path gets ${errors.bad_request.name} (400).`,
      ].join('\n'),
    },
    servers: [
      {
        url: 'https://{address}:{port}',
        description:
          'An agent on an employee PC. Its TLS certificate is self-signed and is not trusted through any certificate authority: a client pins the SHA-256 fingerprint of the certificate (printed by `deskside-agent serve` and `deskside-agent fingerprint`) and refuses any other certificate.',
        variables: {
          address: { default: '127.0.0.1', description: 'The machine’s host name or IP address' },
          port: { default: String(DEFAULT_AGENT_PORT) },
        },
      },
    ],
    security: [{ consoleToken: [] }],
    paths: {
      '/v1/health': {
        description: notGet,
        get: {
          operationId: 'getHealth',
          summary: 'Is the agent up, and which version is it?',
          description: 'Needs no token, so a console can check an address before pairing.',
          security: [],
          responses: {
            '200': {
              description: 'The agent is up.',
              content: { 'application/json': { schema: schemaRef('AgentHealth') } },
            },
            '400': responseRef(errors.bad_request.name),
            '500': responseRef(errors.internal.name),
          },
        },
      },
      '/v1/inventory': {
        description: notGet,
        get: {
          operationId: 'getInventory',
          summary: 'This computer’s hardware and operating system inventory',
          description:
            'The inventory document of the computer the agent runs on: system, OS, CPU, memory, disks, file systems and network interfaces.',
          responses: {
            '200': {
              description: 'The inventory document.',
              content: { 'application/json': { schema: schemaRef('Inventory') } },
            },
            '400': responseRef(errors.bad_request.name),
            '401': responseRef(errors.unauthorized.name),
            '500': responseRef(errors.internal.name),
          },
        },
      },
    },
    components: {
      securitySchemes: {
        consoleToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            'The console token: `Authorization: Bearer <token>`, 24 to 512 printable ASCII characters without spaces.',
        },
      },
      responses: Object.fromEntries(
        (Object.keys(errors) as AgentErrorCode[]).map((code) => [
          errors[code].name,
          errorResponse(code),
        ]),
      ),
      schemas: {
        AgentHealth: jsonSchema(AgentHealthSchema),
        Inventory: jsonSchema(InventorySchema),
        AgentErrorResponse: jsonSchema(AgentErrorResponseSchema),
      },
    },
  };
}

/** The text of agent/openapi.yaml. */
export function renderOpenApiYaml(): string {
  const document = new YAML.Document(buildOpenApiDocument());
  document.commentBefore =
    ' Generated by scripts/gen-openapi.ts from the zod schemas in core/. Do not edit:\n run `npm run gen:openapi` after changing them.';
  return document.toString({ lineWidth: 0 });
}

async function main(): Promise<void> {
  await writeFile(OPENAPI_FILE, renderOpenApiYaml());
  console.log(`Wrote ${path.relative(process.cwd(), OPENAPI_FILE)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
