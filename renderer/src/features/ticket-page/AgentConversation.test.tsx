import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TicketDetail, TimelineEntry } from '@deskside/core';
import { renderWithApi } from '../../api/fake-api';
import { setupI18n } from '../../i18n';
import el from '../../i18n/el.json';
import en from '../../i18n/en.json';
import { AgentConversation, agentMessages } from './AgentConversation';

beforeAll(async () => {
  await setupI18n('en');
});

const AT = '2026-12-02T10:00:00.000Z';
const entry = (
  id: number,
  data: Record<string, unknown>,
  body: string,
  author = 'agent:pc',
): TimelineEntry => ({
  id,
  ticketId: 12,
  kind: 'chat',
  author,
  at: AT,
  body,
  data,
});

/** Only the fields the conversation reads are meaningful; the rest keep the type whole. */
const detail = (channel: 'agent' | 'phone', timeline: TimelineEntry[]): TicketDetail =>
  ({
    ticket: { id: 12, channel, version: 3 },
    evidence: [],
    timeline,
    vendorCases: [],
    visits: [],
    orders: [],
  }) as unknown as TicketDetail;

const CONVERSATION = [
  entry(
    1,
    { direction: 'outbound', channel: 'agent', messageId: 'm1' },
    'Please restart it',
    'ana',
  ),
  entry(2, { direction: 'inbound', channel: 'agent', messageId: 'm2' }, 'Done, thanks'),
  entry(3, { direction: 'inbound', channel: 'agent', messageId: 'm3', works: true }, ''),
  // A chat logged by hand is not part of the agent conversation.
  entry(4, { direction: 'inbound' }, 'Phoned in'),
];

describe('the conversation with the employee', () => {
  it('keeps only the agent’s messages, in order', () => {
    expect(agentMessages(CONVERSATION).map((m) => m.entry.id)).toEqual([1, 2, 3]);
  });

  it('shows both sides and sends a message to the employee', async () => {
    const call = renderWithApi(<AgentConversation detail={detail('agent', CONVERSATION)} />, {
      'tickets.messageAgent': () => CONVERSATION[0],
    });
    expect(screen.getByText('Please restart it')).toBeTruthy();
    expect(screen.getByText('Done, thanks')).toBeTruthy();
    expect(screen.queryByText('Phoned in')).toBeNull();
    expect(screen.getByText(en.ticket.agentConversation.works)).toBeTruthy();
    expect(screen.getByText('ana (desk)')).toBeTruthy();
    const box = screen.getByLabelText(en.ticket.agentConversation.label);
    fireEvent.change(box, { target: { value: 'Is it better now?' } });
    fireEvent.click(screen.getByRole('button', { name: en.ticket.agentConversation.send }));
    await waitFor(() => {
      expect(call).toHaveBeenCalledWith('tickets.messageAgent', {
        ticketId: 12,
        body: 'Is it better now?',
      });
    });
    await waitFor(() => {
      expect((box as HTMLTextAreaElement).value).toBe('');
    });
  });

  it('is not shown for a ticket that did not come from an agent', () => {
    renderWithApi(<AgentConversation detail={detail('phone', CONVERSATION)} />, {});
    expect(screen.queryByText(en.ticket.agentConversation.title)).toBeNull();
  });

  it('speaks Greek', async () => {
    await setupI18n('el');
    try {
      renderWithApi(<AgentConversation detail={detail('agent', [])} />, {});
      expect(screen.getByText(el.ticket.agentConversation.title)).toBeTruthy();
      expect(screen.getByText(el.ticket.agentConversation.empty)).toBeTruthy();
    } finally {
      await setupI18n('en');
    }
  });
});
