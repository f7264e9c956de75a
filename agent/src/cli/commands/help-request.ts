import type { Command } from 'commander';
import { configFromFlags, withDataOptions } from '../options';

interface RequestHelpFlags {
  config?: string;
  dataDir?: string;
  name: string;
  email: string;
  summary: string;
  description?: string;
  language?: string;
}

/**
 * Asks the desk for help from the command line: the request is left in the data folder's
 * help outbox, where the serving agent (fleet mode) takes it, adds the inventory and the quick
 * checks, and sends it as soon as it can reach the desk.
 */
export async function requestHelp(flags: RequestHelpFlags): Promise<void> {
  const config = await configFromFlags(flags);
  const { dropInOutbox } = await import('../../fleet/help-store');
  const file = await dropInOutbox(config.dataDir, {
    form: {
      name: flags.name,
      email: flags.email,
      summary: flags.summary,
      description: flags.description ?? '',
    },
    ...(flags.language === undefined ? {} : { language: flags.language }),
  });
  console.log(`Your request is saved (${file}); the agent sends it to the desk as soon as it can.`);
  if (!config.fleet) {
    console.log('Fleet mode is off in this agent’s config: nothing is sent until it is on.');
  }
}

/** Prints the requests made from this computer and their conversations with the desk. */
export async function helpMessages(flags: { config?: string; dataDir?: string }): Promise<void> {
  const config = await configFromFlags(flags);
  const { readHelpState } = await import('../../fleet/help-store');
  const state = await readHelpState(config.dataDir);
  if (state.requests.length === 0) {
    console.log('No request for help from this computer yet.');
    return;
  }
  for (const request of state.requests) {
    const waiting = state.pending.some(
      (m) => m.type === 'request' && m.requestId === request.requestId,
    );
    const status = waiting
      ? 'waiting to be sent'
      : request.ticketId === null
        ? 'sent'
        : `ticket #${request.ticketId}`;
    console.log(`${request.createdAt}  ${request.form.summary}  (${status})`);
    for (const item of request.conversation) {
      const who = item.from === 'desk' ? `desk${item.author ? ` (${item.author})` : ''}` : 'you';
      const text =
        item.kind === 'works'
          ? 'It works now.'
          : item.kind === 'feedback'
            ? `Feedback ${item.rating ?? ''}/5 ${item.body}`
            : item.kind === 'ticket'
              ? `Ticket #${item.ticketId ?? ''} opened.`
              : item.body;
      console.log(`  ${item.at}  ${who}: ${text}`);
    }
  }
}

export function registerHelpRequest(program: Command): void {
  withDataOptions(program.command('request-help'))
    .description('ask the service desk for help from this computer (fleet mode)')
    .requiredOption('--name <name>', 'your name')
    .requiredOption('--email <address>', 'your e-mail address')
    .requiredOption('--summary <text>', 'the problem in a few words')
    .option('--description <text>', 'more about the problem')
    .option('--language <code>', 'en, nl, fr or el (default en)')
    .action(requestHelp);
  withDataOptions(program.command('help-messages'))
    .description('show your requests for help and the desk’s messages')
    .action(helpMessages);
}
