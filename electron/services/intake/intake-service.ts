import type { z } from 'zod';
import {
  CheckRequestSchema,
  callerConfirmedOnTheLine,
  DesksideError,
  answerStep,
  currentIntakeStep,
  describeIntakeStart,
  describePath,
  intakeEscalationReason,
  intakeResolutionNotes,
  isCategory,
  recordChecks,
  replayIntake,
  starterIntakeScripts,
  type AnswerIntakeInputSchema,
  type CheckRun,
  type EscalateIntakeInputSchema,
  type IntakeCheckResult,
  type IntakeEntryData,
  type IntakeScript,
  type IntakeSession,
  type IntakeState,
  type Language,
  type RecordIntakeChecksInputSchema,
  type ResolveIntakeInputSchema,
  type RunIntakeChecksInputSchema,
  type StartIntakeInputSchema,
} from '@deskside/core';
import type { Db } from '../database/open';
import type { Publish } from '../database/store';
import type { CheckRunService } from '../machines/check-runs';
import type { AssignmentService } from '../tickets/assignment-service';
import type { LifecycleService } from '../tickets/lifecycle-service';
import { checkRunEvidence, insertEvidence } from '../tickets/evidence';
import { toTicket } from '../tickets/rows';
import type { TicketService } from '../tickets/ticket-service';
import { appendEntries } from '../tickets/timeline';
import { loadTicketRow, noteOnTicket, type WorkflowDeps } from '../tickets/ticket-writer';
import { readIntakeLog } from './intake-log';

export interface IntakeServiceDeps {
  workflow: WorkflowDeps;
  tickets: Pick<TicketService, 'insertTicket'>;
  assignment: Pick<AssignmentService, 'escalate'>;
  lifecycle: Pick<LifecycleService, 'resolve' | 'verify'>;
  runs: Pick<CheckRunService, 'start' | 'ended'>;
  scripts?: readonly IntakeScript[];
}

/** Only a run started for this call's step may be recorded into it. */
const runTag = (ticketId: number, stepId: string) => `intake:${ticketId}:${stepId}`;

/**
 * Taking a call with a script: the call starts a ticket, and every step taken (an answer, the
 * results of live checks) is recorded into its timeline at once, in the analyst's language
 * with the language-neutral facts beside it. The session is rebuilt from the timeline each
 * time, so a call survives a restart and two windows cannot answer the same step twice.
 */
export class IntakeService {
  private readonly scripts: ReadonlyMap<string, IntakeScript>;

  constructor(private readonly deps: IntakeServiceDeps) {
    this.scripts = new Map(
      (deps.scripts ?? starterIntakeScripts).map((script) => [script.id, script]),
    );
  }

  list(): IntakeScript[] {
    return [...this.scripts.values()];
  }

  private script(id: string): IntakeScript {
    const script = this.scripts.get(id);
    if (!script) throw new DesksideError('not_found', `There is no intake script ${id}`);
    return script;
  }

  private get store() {
    return this.deps.workflow.store;
  }

  async start(input: z.output<typeof StartIntakeInputSchema>, actor: string) {
    const script = this.script(input.scriptId);
    const now = this.deps.workflow.now().toISOString();
    const ticketId = await this.store.write(async (trx, publish) => {
      const config = await this.deps.workflow.config.get(trx);
      const ticket = await this.deps.tickets.insertTicket(
        trx,
        publish,
        {
          requesterId: input.requesterId,
          ...(input.requester === undefined ? {} : { requester: input.requester }),
          machineId: input.machineId,
          channel: input.channel,
          summary: input.summary,
          description: script.description[input.language],
          errorMessages: '',
          stepsTried: '',
          // The script's category, where this desk has it.
          category: isCategory(config.categories, script.category) ? script.category : null,
          impact: 'medium',
          urgency: 'medium',
          assignee: null,
          groupId: null,
        },
        actor,
        now,
      );
      const data: IntakeEntryData = {
        direction: 'inbound',
        intake: {
          scriptId: script.id,
          scriptVersion: script.version,
          started: { machineId: input.machineId },
        },
      };
      await appendEntries(trx, this.store.dialect, ticket.id, actor, now, [
        { kind: 'call', body: describeIntakeStart(script, input.language), data },
      ]);
      return ticket.id;
    });
    return this.get(ticketId);
  }

  async get(ticketId: number): Promise<IntakeState> {
    const { ticket, session } = await this.load(this.store.db, ticketId);
    return { ticket: toTicket(ticket), session };
  }

  private async load(db: Db, ticketId: number) {
    const ticket = await loadTicketRow(db, ticketId);
    const log = await readIntakeLog(db, ticketId);
    const script = this.script(log.scriptId);
    if (script.version !== log.scriptVersion) {
      throw new DesksideError(
        'conflict',
        `This call was taken with version ${log.scriptVersion} of the script; this console has version ${script.version}`,
      );
    }
    return { ticket, script, log, session: replayIntake(script, log.records) };
  }

  async answer(input: z.output<typeof AnswerIntakeInputSchema>, actor: string) {
    return this.step(input.ticketId, input.stepId, input.language, actor, (script, session, at) =>
      answerStep(script, session, input.choiceId, at),
    );
  }

  /** Starts the live checks of the current step on the call's machine. */
  async runChecks(input: z.output<typeof RunIntakeChecksInputSchema>): Promise<CheckRun> {
    const { ticket, script, session } = await this.load(this.store.db, input.ticketId);
    const step = currentIntakeStep(script, session);
    if (step?.id !== input.stepId || step.kind !== 'checks') {
      throw new DesksideError('conflict', 'The call is not at this checks step any more');
    }
    if (ticket.machineId === null) {
      throw new DesksideError(
        'validation',
        'This call has no machine to run checks on; go on without the checks',
      );
    }
    const checks = step.checks.map((check) => CheckRequestSchema.parse(check));
    return this.deps.runs.start(ticket.machineId, checks, runTag(input.ticketId, input.stepId));
  }

  /**
   * Records what the checks found (or that they could not run: `runId` null) and follows the
   * script's branch for it. Results that came back are attached as evidence.
   */
  async recordChecks(input: z.output<typeof RecordIntakeChecksInputSchema>, actor: string) {
    const run =
      input.runId === null
        ? null
        : this.deps.runs.ended(input.runId, runTag(input.ticketId, input.stepId));
    const usable = run !== null && run.state !== 'failed';
    const results: IntakeCheckResult[] = usable
      ? run.checks.flatMap(({ result }) =>
          result ? [{ checkId: result.checkId, status: result.status, code: result.code }] : [],
        )
      : [];
    return this.step(
      input.ticketId,
      input.stepId,
      input.language,
      actor,
      (script, session, at) => recordChecks(script, session, results, at),
      async (trx, now) => {
        if (!usable || results.length === 0) return {};
        const evidence = await insertEvidence(
          this.deps.workflow,
          trx,
          input.ticketId,
          checkRunEvidence(run),
          actor,
          now,
        );
        return { evidenceId: evidence.id };
      },
    );
  }

  /** Hands the call to another line; the reason carries the path followed so far. */
  async escalate(input: z.output<typeof EscalateIntakeInputSchema>, actor: string) {
    const { script, session } = await this.load(this.store.db, input.ticketId);
    const ticket = await this.deps.assignment.escalate(
      {
        id: input.ticketId,
        expectedVersion: input.expectedVersion,
        tier: input.tier,
        reason: intakeEscalationReason(script, session, input.language, input.note),
        ...(input.groupId === undefined ? {} : { groupId: input.groupId }),
      },
      actor,
      { intake: { scriptId: script.id, scriptVersion: script.version, path: session.path } },
    );
    return { ticket, session };
  }

  /**
   * Resolves the call's ticket with the path followed as its notes; when the caller has
   * confirmed on the line, closes it too (their confirmation is the verification).
   */
  async resolve(input: z.output<typeof ResolveIntakeInputSchema>, actor: string) {
    const { script, session } = await this.load(this.store.db, input.ticketId);
    const resolved = await this.deps.lifecycle.resolve(
      {
        id: input.ticketId,
        expectedVersion: input.expectedVersion,
        resolutionCode: input.resolutionCode,
        resolutionNotes: intakeResolutionNotes(script, session, input.language, input.note),
      },
      actor,
    );
    const ticket = input.confirmed
      ? await this.deps.lifecycle.verify(
          {
            id: resolved.id,
            expectedVersion: resolved.version,
            outcome: 'confirmed',
            comment: callerConfirmedOnTheLine[input.language],
          },
          actor,
        )
      : resolved;
    return { ticket, session };
  }

  /** Takes one step of the call and records it, in one transaction. */
  private async step(
    ticketId: number,
    stepId: string,
    language: Language,
    actor: string,
    take: (script: IntakeScript, session: IntakeSession, at: string) => IntakeSession,
    attach: (trx: Db, now: string) => Promise<{ evidenceId?: string }> = () => Promise.resolve({}),
  ): Promise<IntakeState> {
    const now = this.deps.workflow.now().toISOString();
    return this.store.write(async (trx, publish: Publish) => {
      const { script, session } = await this.load(trx, ticketId);
      if (session.current !== stepId) {
        throw new DesksideError(
          'conflict',
          session.current === null
            ? 'This call’s script has already ended'
            : 'This step has already been recorded; the call has moved on',
        );
      }
      const next = take(script, session, now);
      const record = next.path.at(-1)!;
      const attached = await attach(trx, now);
      const data: IntakeEntryData = {
        direction: 'inbound',
        intake: { scriptId: script.id, scriptVersion: script.version, record, ...attached },
      };
      const [body = ''] = describePath(script, { ...next, path: [record] }, language);
      await noteOnTicket(this.deps.workflow, trx, ticketId, { now });
      await appendEntries(trx, this.store.dialect, ticketId, actor, now, [
        { kind: 'call', body, data },
      ]);
      publish({ type: 'ticket.changed', ticketId, at: now });
      return { ticket: toTicket(await loadTicketRow(trx, ticketId)), session: next };
    });
  }
}
