import type { WorkflowDeps } from '../tickets/ticket-writer';
import { exportDocument, importDocument } from './json-exchange';
import { exportTicketsCsv, importTicketsCsv } from './tickets-csv';

/** Export and import: all data as JSON, tickets as CSV. */
export class DataService {
  constructor(private readonly deps: WorkflowDeps) {}

  async exportJson(): Promise<{ json: string }> {
    return { json: JSON.stringify(await exportDocument(this.deps)) };
  }

  importJson(json: string) {
    return importDocument(this.deps, json);
  }

  async exportTicketsCsv(): Promise<{ csv: string }> {
    return { csv: await exportTicketsCsv(this.deps) };
  }

  importTicketsCsv(csv: string, actor: string) {
    return importTicketsCsv(this.deps, csv, actor);
  }
}
