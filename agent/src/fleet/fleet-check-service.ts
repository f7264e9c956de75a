/**
 * Checks over NATS in `serve`: a `CheckResponder` on fleet presence's connection (no second
 * connection), with the same check runner as the HTTPS API. The agent's check queue is
 * drained when a connection is made, when it comes back after a drop and after every
 * heartbeat while connected, so a check queued while the agent was away runs when it is back.
 * Drains never overlap: one asked for while another runs is done once it ends.
 */
import type { NatsConnection } from '@nats-io/transport-node';
import type { CheckRunner } from '../checks/runner';
import type { AgentLogger } from '../log';
import { CheckResponder } from './check-responder';
import type { FleetConnectionHooks } from './presence';

export interface FleetCheckServiceOptions {
  /** The agent's check runner (the one its HTTPS API uses). */
  runner: () => Promise<CheckRunner>;
  logger: AgentLogger;
}

export class FleetCheckService {
  private responder: CheckResponder | undefined;
  private draining: Promise<void> | undefined;
  private drainAgain = false;
  private stopped = false;

  constructor(private readonly options: FleetCheckServiceOptions) {}

  /** The hooks to give `FleetPresence`. */
  hooks(): FleetConnectionHooks {
    return {
      connected: (connection, agentId) => this.connected(connection, agentId),
      tick: () => {
        void this.drain();
      },
      stopping: () => this.stop(),
    };
  }

  /** Checks that ran over NATS since the agent started (status and tests). */
  get ran(): number {
    return this.responder?.ran ?? 0;
  }

  private async connected(connection: NatsConnection, agentId: string): Promise<void> {
    if (this.stopped) return;
    // A new connection replaces the old one (closed by now): its subscriptions are gone.
    await this.responder?.stop();
    const responder = new CheckResponder({
      connection,
      agentId,
      runner: await this.options.runner(),
      onError: (error) => {
        this.options.logger.warn({ err: error }, 'fleet: a check reply could not be sent');
      },
    });
    this.responder = responder;
    await responder.start();
    this.options.logger.info({ agentId }, 'fleet: answering checks');
    // The queue is run in the background: the first heartbeat does not wait for it.
    void this.drain();
  }

  /** Runs what is queued for this agent; resolves when the queue is empty (or drained by another). */
  drain(): Promise<void> {
    if (this.draining) {
      this.drainAgain = true;
      return this.draining;
    }
    this.draining = (async () => {
      try {
        do {
          const responder = this.responder;
          if (!responder || this.stopped) return;
          try {
            const taken = await responder.drainQueue();
            if (taken > 0) this.options.logger.info({ taken }, 'fleet: ran queued checks');
          } catch (error) {
            this.options.logger.warn({ err: error }, 'fleet: the check queue could not be read');
          }
        } while (this.askedAgain());
      } finally {
        this.draining = undefined;
      }
    })();
    return this.draining;
  }

  /** Whether a drain was asked for while one ran (and forgets it). */
  private askedAgain(): boolean {
    const again = this.drainAgain;
    this.drainAgain = false;
    return again;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.responder?.stop();
  }
}
