import { describe, expect, it } from 'vitest';
import { checkCatalog, COMMON_CHECK_CODES, isCatalogCheckId } from '../checks';
import { IntakeScriptSchema, starterIntakeScripts, type IntakeScriptInput } from './index';
import { scriptCatalogProblems } from './catalog-check';
import { text } from './text';

const label = text('x', 'x', 'x', 'x');
const end = { kind: 'end' as const, id: 'done', outcome: 'resolved' as const, summary: label };

/** A script whose one checks step runs `checks` and branches on `when`. */
function withChecks(
  checks: { checkId: string; params?: Record<string, unknown> }[],
  when: { checkId: string; status?: ('pass' | 'warn' | 'fail' | 'error')[]; code?: string[] },
): IntakeScriptInput {
  return {
    id: 'probe',
    version: 1,
    category: 'test',
    title: label,
    description: label,
    start: 'run',
    steps: [
      {
        kind: 'checks',
        id: 'run',
        prompt: label,
        checks,
        branches: [{ when, next: 'done' }],
        otherwise: 'done',
      },
      end,
    ],
  };
}

describe('the starter scripts against the check catalog', () => {
  const checksSteps = starterIntakeScripts.flatMap((script) =>
    script.steps.flatMap((step) => (step.kind === 'checks' ? [{ script, step }] : [])),
  );

  it('have checks steps, and every one fits the catalog', () => {
    expect(checksSteps.length).toBeGreaterThan(3);
    expect(starterIntakeScripts.flatMap(scriptCatalogProblems)).toEqual([]);
  });

  it('run only checks the catalog has, and branch only on codes those checks end with', () => {
    for (const { script, step } of checksSteps) {
      for (const check of step.checks) {
        expect(isCatalogCheckId(check.checkId), `${script.id}/${step.id}`).toBe(true);
      }
      for (const branch of step.branches) {
        expect(isCatalogCheckId(branch.when.checkId), `${script.id}/${step.id}`).toBe(true);
        if (!isCatalogCheckId(branch.when.checkId)) continue;
        const codes: string[] = [...checkCatalog[branch.when.checkId].codes, ...COMMON_CHECK_CODES];
        for (const code of branch.when.code ?? []) expect(codes).toContain(code);
      }
    }
  });

  it('include the printer script, running the printers-and-queues check', () => {
    const printer = starterIntakeScripts.find((script) => script.id === 'printer-not-printing');
    const ids = printer?.steps.flatMap((step) =>
      step.kind === 'checks' ? step.checks.map((check) => check.checkId) : [],
    );
    expect(ids).toEqual(['printers.queues']);
  });
});

describe('a script that does not fit the catalog', () => {
  it('is refused for a check the catalog does not have', () => {
    const script = withChecks([{ checkId: 'printers.queue' }], { checkId: 'printers.queue' });
    expect(scriptCatalogProblems(script)).toEqual([
      'probe: step run runs printers.queue, which is not in the check catalog',
    ]);
    expect(IntakeScriptSchema.safeParse(script).success).toBe(false);
  });

  it('is refused for parameters the check’s schema refuses', () => {
    const script = withChecks([{ checkId: 'tcp.port', params: { host: 'a b', port: 0 } }], {
      checkId: 'tcp.port',
      status: ['fail'],
    });
    const [problem, ...rest] = scriptCatalogProblems(script);
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^probe: step run gives tcp\.port parameters its schema refuses/);
    expect(problem).toContain('host');
    expect(problem).toContain('port');
  });

  it('is refused for a branch on a check the step does not run, or on a code it never ends with', () => {
    expect(
      scriptCatalogProblems(withChecks([{ checkId: 'cpu.load' }], { checkId: 'disk.free' })),
    ).toEqual(['probe: step run branches on disk.free, which the step does not run']);
    expect(
      scriptCatalogProblems(
        withChecks([{ checkId: 'cpu.load' }], {
          checkId: 'cpu.load',
          code: ['cpu.load.high', 'cpu.load.melted', 'check.timeout'],
        }),
      ),
    ).toEqual(['probe: step run branches on code cpu.load.melted, which cpu.load never ends with']);
  });

  it('passes when it fits', () => {
    const script = withChecks([{ checkId: 'dns.resolve', params: { name: 'example.org' } }], {
      checkId: 'dns.resolve',
      code: ['dns.resolve.not_found'],
    });
    expect(scriptCatalogProblems(script)).toEqual([]);
    expect(IntakeScriptSchema.safeParse(script).success).toBe(true);
  });
});
