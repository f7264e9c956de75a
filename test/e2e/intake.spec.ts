import {
  answerStep,
  currentIntakeStep,
  intakeEndStep,
  IntakeEntryDataSchema,
  recordChecks,
  startIntake,
  starterIntakeScripts,
} from '@deskside/core';
import nl from '../../renderer/src/i18n/nl.json' with { type: 'json' };
import { addAgentMachine, expectAccessible, callApi } from './host-api';
import { expect, test } from './fixtures';

const noInternet = starterIntakeScripts.find((script) => script.id === 'no-internet')!;

test('an analyst takes a call in Dutch: the checks step runs on the caller’s machine, branches on its results, and the call is escalated with its path', async ({
  page,
  desk,
  agent,
}) => {
  // The caller and their PC, as the directory and the machine list know them.
  const machine = await addAgentMachine(desk.host, agent, 'Laptop Eleni');
  await callApi(desk.host, 'people.create', {
    name: 'Eleni Papadopoulou',
    department: 'Financiën',
    email: 'eleni@example.org',
    machines: [{ name: 'Laptop Eleni', machineId: machine.id }],
  });

  await page.goto(desk.host.url);
  await page.getByLabel('Language', { exact: true }).selectOption('nl');
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('nl');
  await page.getByRole('navigation').getByRole('link', { name: nl.intake.nav }).click();
  await expect(page.getByRole('heading', { name: nl.intake.title, level: 1 })).toBeVisible();

  // The caller from the directory brings their machine along.
  await page.getByLabel(nl.intake.search).fill('eleni');
  await page.getByRole('button', { name: /Eleni Papadopoulou/ }).click();
  await expect(page.getByText('Belt: Eleni Papadopoulou')).toBeVisible();
  await expect(page.getByLabel(nl.intake.machine, { exact: true })).toHaveValue(machine.id);
  await page.getByLabel(nl.intake.script, { exact: true }).selectOption({ label: 'Geen internet' });
  await expect(page.getByLabel(nl.intake.summary)).toHaveValue('Geen internet');
  await expectAccessible(page, 'call intake (nl)');
  await page.getByRole('button', { name: nl.intake.start }).click();

  // The ticket exists from the first moment of the call.
  await expect(
    page.getByRole('heading', { name: 'Gesprek: Geen internet', level: 1 }),
  ).toBeVisible();
  const ticketId = Number(/#\/intake\/(\d+)/.exec(page.url())?.[1]);
  const created = await callApi(desk.host, 'tickets.get', { id: ticketId });
  expect(created.ticket).toMatchObject({
    requester: 'Eleni Papadopoulou',
    machineId: machine.id,
    channel: 'phone',
    category: 'network',
  });

  // First question; the answer is in the ticket's timeline as soon as it is given.
  await expect(page.getByRole('heading', { name: /collega’s in de buurt/ })).toBeVisible();
  await page.getByRole('button', { name: 'Alleen deze computer' }).click();
  await expect(page.getByRole('heading', { name: /Controleer het netwerk/ })).toBeVisible();
  const afterAnswer = await callApi(desk.host, 'tickets.get', { id: ticketId });
  expect(afterAnswer.timeline.at(-1)?.body).toBe(
    'Is het alleen deze computer, of hebben collega’s in de buurt het ook? → Alleen deze computer',
  );
  await expectAccessible(page, 'call, checks step (nl)');

  // The checks run on the caller's machine through its agent, with visible progress.
  await page.getByRole('button', { name: nl.intake.runChecks }).click();
  await expect(
    page.getByRole('progressbar', { name: nl.checks.progressLabel }).first(),
  ).toBeVisible();
  const found = page.getByRole('region', { name: nl.intake.lastChecks });
  await expect(found.getByRole('listitem')).toHaveCount(3);
  for (const name of ['Netwerkverbinding', 'Gateway bereikbaar', 'Naamopzoeking (DNS)']) {
    await expect(found.getByText(name, { exact: true })).toBeVisible();
  }

  // Where the call went is what the script's branches say for these results.
  const state = await callApi(desk.host, 'intake.get', { ticketId });
  const record = state.session.path.at(-1)!;
  expect(record.stepId).toBe('network-checks');
  expect(record.checks?.map((c) => c.checkId)).toEqual([
    'network.interfaces',
    'network.gateway',
    'dns.resolve',
  ]);
  const expected = recordChecks(
    noInternet,
    answerStep(noInternet, startIntake(noInternet), 'only-this', record.at),
    record.checks!,
    record.at,
  );
  expect(state.session.current).toBe(expected.current);
  const next = currentIntakeStep(noInternet, expected);
  const end = intakeEndStep(noInternet, expected);
  await expect(
    page.getByRole('heading', {
      level: 2,
      name: next && next.kind !== 'end' ? next.prompt.nl : nl.intake.outcome[end!.outcome],
      exact: true,
    }),
  ).toBeVisible();
  if (end) await expect(page.getByText(end.summary.nl)).toBeVisible();

  // The results are evidence on the ticket, and the step is in the timeline with them.
  const withChecks = await callApi(desk.host, 'tickets.get', { id: ticketId });
  const checksEntry = withChecks.timeline.findLast((entry) => entry.kind === 'call');
  const evidenceId = IntakeEntryDataSchema.parse(checksEntry?.data).intake.evidenceId;
  expect(withChecks.evidence.map((e) => [e.id, e.kind])).toEqual([[evidenceId, 'checks']]);

  // Escalate from here: the path goes with it.
  const path = page.getByRole('region', { name: nl.intake.path });
  await expect(path.getByRole('listitem').first()).toContainText('Alleen deze computer');
  const escalate = page.getByRole('form', { name: nl.intake.escalate.title });
  await escalate.getByLabel(nl.intake.escalate.tier).selectOption({ label: 'Tweede lijn' });
  await escalate.getByLabel(nl.intake.escalate.note).fill('Hele verdieping zonder internet?');
  await escalate.getByRole('button', { name: nl.intake.escalate.submit }).click();
  await expect(page.getByText('Geëscaleerd naar: Tweede lijn')).toBeVisible();
  await expectAccessible(page, 'call after escalation (nl)');
  await page.screenshot({ path: 'test-results/screenshots/nl-intake-call.png', fullPage: true });

  const escalated = await callApi(desk.host, 'tickets.get', { id: ticketId });
  expect(escalated.ticket.tier).toBe('tier2');
  const reason = escalated.timeline.at(-1);
  expect(reason?.kind).toBe('escalation');
  expect(reason?.body).toContain('Hele verdieping zonder internet?');
  expect(reason?.body).toContain('Gevolgd pad tijdens het gesprek (Geen internet):');
  expect(reason?.body).toContain(
    '1. Is het alleen deze computer, of hebben collega’s in de buurt het ook? → Alleen deze computer',
  );
  expect(reason?.body).toMatch(
    /2\. Controleer het netwerk op de computer van de beller\. → network\.interfaces: /,
  );
});

test('a call without a machine goes on past its checks step and is closed on the line, in English', async ({
  page,
  desk,
}) => {
  await callApi(desk.host, 'kb.addStarterArticles', {});
  await page.goto(desk.host.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Take a call' }).click();
  // Nobody chosen yet: the call cannot start.
  await page.getByLabel('Script', { exact: true }).selectOption({ label: 'Printer not printing' });
  await page.getByRole('button', { name: 'Start the call' }).click();
  await expect(page.getByRole('alert')).toHaveText('Choose the caller or enter their name.');

  await page
    .getByLabel('Or, for a caller not in the directory, their name')
    .fill('Visitor at desk 4');
  await page.getByLabel('Ticket summary').fill('Nothing comes out of the 2nd floor printer');
  // The knowledge base suggests articles for the summary; one is chosen for the ticket.
  const suggestions = page.getByRole('region', { name: 'Articles that may help' });
  await suggestions
    .getByRole('button', { name: 'Use “Printer shows as offline” for this ticket' })
    .click();
  await page.getByRole('button', { name: 'Start the call' }).click();
  await expect(page.getByText('Visitor at desk 4, no machine')).toBeVisible();
  await page.getByRole('button', { name: 'Nothing prints' }).click();
  await page.getByRole('button', { name: 'Yes', exact: true }).click();
  await expect(page.getByText('This call has no machine, so the checks cannot run.')).toBeVisible();
  await page.getByRole('button', { name: 'Go on without the checks' }).click();
  // No results: the script's way for when all is fine or checks cannot run.
  await expect(
    page.getByRole('heading', {
      name: 'Ask the caller to restart the printer and then the computer.',
    }),
  ).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Recorded so far' }).getByText('Went on without the checks'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'That fixed it' }).click();
  await expect(page.getByRole('heading', { name: 'Resolved during the call' })).toBeVisible();
  await expectAccessible(page, 'call ended (en)');

  // The caller confirms on the line: resolved with the path as notes, and closed.
  const ticketId = Number(/#\/intake\/(\d+)/.exec(page.url())?.[1]);
  const resolve = page.getByRole('form', { name: 'Resolve the call' });
  await resolve.getByLabel('Resolution', { exact: true }).selectOption({ label: 'Advice given' });
  await resolve.getByLabel('What was done (optional)').fill('Printer restarted by the caller.');
  await expect(resolve.getByLabel('The caller confirms it works: close the ticket')).toBeChecked();
  await resolve.getByRole('button', { name: 'Resolve with the path' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The ticket is: Closed' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Escalate' })).toHaveCount(0);
  await expectAccessible(page, 'call resolved and closed (en)');
  const closed = await callApi(desk.host, 'tickets.get', { id: ticketId });
  expect(closed.ticket).toMatchObject({
    status: 'closed',
    verification: 'confirmed',
    resolutionCode: 'advice-given',
  });
  expect(closed.ticket.resolutionNotes?.split('\n')).toEqual([
    'Printer restarted by the caller.',
    '',
    'Path followed during the call (Printer not printing):',
    expect.stringMatching(/^1\. .+ → Nothing prints$/),
    expect.stringMatching(/^2\. .+ → Yes$/),
    expect.stringMatching(/^3\. .+ → no checks ran$/),
    expect.stringMatching(/^4\. .+ → That fixed it$/),
  ]);
  const linked = await callApi(desk.host, 'kb.forTicket', { ticketId });
  expect(linked.map((link) => link.article.title)).toEqual(['Printer shows as offline']);
  await page.getByRole('link', { name: 'Open the ticket' }).click();
  await expect(
    page.getByRole('heading', { name: /Nothing comes out of the 2nd floor printer/ }),
  ).toBeVisible();
});
