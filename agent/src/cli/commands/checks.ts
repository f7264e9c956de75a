import type { Command } from 'commander';

// The actions load when run, so other commands (serve) never load the check catalog.
export function registerChecks(program: Command): void {
  program
    .command('checks')
    .description('list the checks this agent can run, with their parameters')
    .option('--json', 'print the catalog as JSON (parameters as JSON Schema)')
    .action(async (options: { json?: boolean }) => {
      (await import('./checks-action')).printCatalog(options);
    });
  program
    .command('check')
    .description(
      'run a check on this computer and print its result (exit code 0 pass, 1 warn, 2 fail, 3 error)',
    )
    .argument('[check]', 'the check to run, e.g. disk.free (see `checks`)')
    .argument('[parameters...]', 'the check’s parameters: --name value ...')
    .option('--all', 'run every check that needs no parameter')
    .option('--json', 'print the results as JSON')
    .allowUnknownOption()
    .addHelpText(
      'after',
      '\nExample:\n  deskside-agent check disk.free --path / --warn-below-percent 20\n  deskside-agent check tcp.port --host intranet.example.org --port 443 --json',
    )
    .action(
      async (
        id: string | undefined,
        tokens: string[],
        options: { json?: boolean; all?: boolean },
      ) => {
        await (await import('./checks-action')).runCheckCommand(id, tokens, options);
      },
    );
}
