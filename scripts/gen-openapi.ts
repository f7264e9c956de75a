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
  DEFAULT_AGENT_PORT,
  agentRoutes,
  type AgentErrorCode,
  type AgentRouteSpec,
} from '@deskside/core';
import { HTTP_STATUS } from '../agent/src/server/errors';
import { AGENT_VERSION } from '../agent/src/version';

export const OPENAPI_FILE = fileURLToPath(new URL('../agent/openapi.yaml', import.meta.url));

const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const responseRef = (name: string) => ({ $ref: `#/components/responses/${name}` });

/** One reusable response per error code the agent sends, all with the same body shape. */
const ERROR_RESPONSES: Record<AgentErrorCode, { name: string; description: string }> = {
  bad_request: {
    name: 'BadRequest',
    description:
      'The request target is not a path (absolute-form such as `GET http://host/v1/health`, or asterisk-form `*`), or its query or body does not match the route’s schema (the message names the field), or the body is not UTF-8 JSON.',
  },
  unauthorized: {
    name: 'Unauthorized',
    description:
      'No valid console credential (a paired console’s, or the pre-provisioned token). Sent for every route that needs one, and for every unknown route, so a caller without a credential cannot tell which routes exist. From `pair`: the pairing code is wrong, expired or used.',
  },
  not_found: {
    name: 'NotFound',
    description: 'No such route (only told to a caller with a valid console token).',
  },
  method_not_allowed: {
    name: 'MethodNotAllowed',
    description:
      'The route exists but not with this method. On a route that needs a token, only a caller with a valid token is told this; others get 401.',
  },
  payload_too_large: {
    name: 'PayloadTooLarge',
    description: 'The request body is larger than the agent accepts.',
  },
  unsupported_media_type: {
    name: 'UnsupportedMediaType',
    description: 'A request body must be `application/json`.',
  },
  too_many_requests: {
    name: 'TooManyRequests',
    description:
      'Too many requests from this console or address; `Retry-After` says when to try again.',
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

const routes = Object.values(agentRoutes) as AgentRouteSpec[];

function queryParameters(spec: AgentRouteSpec): unknown[] {
  if (!spec.query) return [];
  // A query is input: document what callers send, before any transform.
  const schema = z.toJSONSchema(spec.query, { target: 'openapi-3.0', io: 'input' }) as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: schema.required?.includes(name) ?? false,
    schema: property,
  }));
}

/** One operation, its responses derived from what the server does for such a route. */
function operation(spec: AgentRouteSpec) {
  const errors = ERROR_RESPONSES;
  const pipeline: AgentErrorCode[] = ['bad_request', 'too_many_requests', 'internal'];
  if (spec.auth === 'console') pipeline.push('unauthorized');
  if (spec.body) pipeline.push('payload_too_large', 'unsupported_media_type');
  const codes = [...new Set([...pipeline, ...(spec.errors ?? [])])].sort(
    (a, b) => HTTP_STATUS[a] - HTTP_STATUS[b],
  );
  const parameters = queryParameters(spec);
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    description: spec.description,
    ...(spec.auth === 'none' ? { security: [] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(spec.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: spec.bodyName ? schemaRef(spec.bodyName) : jsonSchema(spec.body),
              },
            },
          },
        }
      : {}),
    responses: {
      '200': spec.stream
        ? {
            description: `Success: a stream of \`${spec.responseName}\`, one JSON document per line.`,
            content: { 'application/x-ndjson': { schema: schemaRef(spec.responseName) } },
          }
        : {
            description: 'Success.',
            content: { 'application/json': { schema: schemaRef(spec.responseName) } },
          },
      ...Object.fromEntries(
        codes.map((code) => [String(HTTP_STATUS[code]), responseRef(errors[code].name)]),
      ),
    },
  };
}

function paths(): Record<string, Record<string, unknown>> {
  const byPath: Record<string, Record<string, unknown>> = {};
  for (const spec of routes) {
    const item = (byPath[spec.path] ??= {
      description: `Any other method: ${ERROR_RESPONSES.method_not_allowed.name} (405).`,
    });
    item[spec.method.toLowerCase()] = operation(spec);
  }
  return byPath;
}

/** The OpenAPI document of the agent's HTTPS API, as a plain object. */
export function buildOpenApiDocument(): Record<string, unknown> {
  const errors = ERROR_RESPONSES;
  return {
    openapi: '3.0.3',
    info: {
      title: 'Deskside agent API',
      version: AGENT_VERSION,
      description: [
        `The HTTPS API of the Deskside diagnostics agent (API version ${AGENT_API_VERSION}). Nothing here runs arbitrary commands.`,
        '',
        `Errors always have the body \`AgentErrorResponse\`. A request to a path not listed here gets ${errors.unauthorized.name} (401) without a valid console credential and ${errors.not_found.name} (404) with one. A request target that is not a path gets ${errors.bad_request.name} (400).`,
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
    security: [{ deskSigned: [] }, { consoleToken: [] }],
    paths: paths(),
    components: {
      securitySchemes: {
        deskSigned: {
          type: 'http',
          scheme: 'Deskside-Signed',
          description:
            'What consoles send: a request the desk signed, usable once. `Authorization: Deskside-Signed key=<key id>,analyst=<percent-encoded name>,time=<unix seconds>,nonce=<32 hex>,body=<SHA-256 of the body, hex>,signature=<HMAC-SHA256, hex>`, where the key is the SHA-256 of the credential and the signature covers the agent’s certificate fingerprint, the method and the target too (agent/src/security/signed-requests.ts). Refused once used, or when its time is further from the agent’s clock than `limits.signatureWindowSeconds`.',
        },
        consoleToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            'The credential itself, from pairing or pre-provisioned (deployment scripts): `Authorization: Bearer <credential>`, 24 to 512 printable ASCII characters without spaces. Consoles never send it.',
        },
      },
      responses: Object.fromEntries(
        (Object.keys(errors) as AgentErrorCode[]).map((code) => [
          errors[code].name,
          errorResponse(code),
        ]),
      ),
      schemas: {
        ...Object.fromEntries(routes.map((spec) => [spec.responseName, jsonSchema(spec.response)])),
        ...Object.fromEntries(
          routes.flatMap((spec) =>
            spec.body && spec.bodyName ? [[spec.bodyName, jsonSchema(spec.body)]] : [],
          ),
        ),
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
