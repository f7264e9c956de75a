import type { Migration } from 'kysely';
import type { DialectName } from '../dialect';
import { ticketsMachinesEvidence } from './0001-tickets-machines-evidence';
import { workflow } from './0002-workflow';
import { knowledgeBase } from './0003-knowledge-base';
import { ticketMachine } from './0004-ticket-machine';
import { desk } from './0005-desk';
import { deskMachineKeys } from './0006-desk-machine-keys';
import { sshMachines } from './0007-ssh-machines';
import { enrolments } from './0008-enrolments';
import { inventoryHistory } from './0009-inventory-history';
import { machineProfiles } from './0010-machine-profiles';
import { inventoryBaselines } from './0011-inventory-baselines';
import { reports } from './0012-reports';
import { fleet } from './0013-fleet';
import { agentHelp } from './0014-agent-help';
import { mail } from './0015-mail';
import { fleetQueuedChecks } from './0016-fleet-queued-checks';
import { mailTemplates } from './0017-mail-templates';

/**
 * Versioned migrations, the same list on SQLite and PostgreSQL, applied in name order and
 * recorded in `kysely_migration`. A released migration is never edited: add a new one.
 */
export function migrationsFor(dialect: DialectName): Record<string, Migration> {
  return {
    '0001-tickets-machines-evidence': ticketsMachinesEvidence(dialect),
    '0002-workflow': workflow(dialect),
    '0003-knowledge-base': knowledgeBase(dialect),
    '0004-ticket-machine': ticketMachine(),
    '0005-desk': desk(dialect),
    '0006-desk-machine-keys': deskMachineKeys(dialect),
    '0007-ssh-machines': sshMachines(),
    '0008-enrolments': enrolments(dialect),
    '0009-inventory-history': inventoryHistory(dialect),
    '0010-machine-profiles': machineProfiles(),
    '0011-inventory-baselines': inventoryBaselines(),
    '0012-reports': reports(dialect),
    '0013-fleet': fleet(),
    '0014-agent-help': agentHelp(),
    '0015-mail': mail(dialect),
    '0016-fleet-queued-checks': fleetQueuedChecks(),
    '0017-mail-templates': mailTemplates(),
  };
}

export const MIGRATION_NAMES = Object.keys(migrationsFor('sqlite')).sort();
