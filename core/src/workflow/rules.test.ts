import { describe, expect, it } from 'vitest';
import { DesksideError } from '../errors';
import { assertTierMove } from './assignment';
import {
  categoryAndDescendants,
  CategoryTreeSchema,
  DEFAULT_CATEGORY_TREE,
  isCategory,
} from './categories';
import {
  assertCanGiveFeedback,
  assertCanReopen,
  DEFAULT_CLOSURE_POLICY,
  FeedbackSchema,
  ResolutionSchema,
  statusAfterVerification,
} from './closure';
import {
  assertTransition,
  canTransition,
  TicketStatusSchema,
  type TicketStatus,
} from './lifecycle';
import { DEFAULT_PRIORITY_MATRIX, PriorityMatrixSchema, priorityFor } from './priority';

const failure = (fn: () => unknown): DesksideError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DesksideError) return error;
    throw error;
  }
  throw new Error('expected a DesksideError');
};

describe('the status lifecycle', () => {
  const legal: [TicketStatus, TicketStatus][] = [
    ['new', 'in_progress'],
    ['new', 'waiting_on_user'],
    ['new', 'resolved'],
    ['in_progress', 'waiting_on_vendor'],
    ['waiting_on_user', 'in_progress'],
    ['waiting_on_vendor', 'resolved'],
    ['resolved', 'closed'],
    ['resolved', 'in_progress'],
    ['closed', 'reopened'],
    ['reopened', 'in_progress'],
  ];
  const illegal: [TicketStatus, TicketStatus][] = [
    ['new', 'closed'],
    ['new', 'reopened'],
    ['in_progress', 'new'],
    ['in_progress', 'closed'],
    ['waiting_on_user', 'closed'],
    ['resolved', 'waiting_on_user'],
    ['resolved', 'reopened'],
    ['closed', 'in_progress'],
    ['closed', 'resolved'],
    ['reopened', 'closed'],
    ['in_progress', 'in_progress'],
  ];

  it.each(legal)('allows %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => {
      assertTransition(from, to);
    }).not.toThrow();
  });

  it.each(illegal)('refuses %s -> %s with a clear error', (from, to) => {
    const error = failure(() => {
      assertTransition(from, to);
    });
    expect(error.code).toBe('invalid_transition');
    expect(error.message).toMatch(from === to ? /already/ : /cannot go from/);
  });

  it('names where a ticket can go instead', () => {
    expect(
      failure(() => {
        assertTransition('closed', 'in_progress');
      }).message,
    ).toBe('A ticket cannot go from closed to in progress; from closed it can go to: reopened');
  });

  it('never lets a ticket back to new', () => {
    for (const from of TicketStatusSchema.options) expect(canTransition(from, 'new')).toBe(false);
  });
});

describe('priority from impact and urgency', () => {
  it.each([
    ['high', 'high', 1],
    ['high', 'low', 3],
    ['medium', 'medium', 3],
    ['low', 'high', 3],
    ['low', 'low', 5],
  ] as const)('impact %s x urgency %s = P%i by default', (impact, urgency, priority) => {
    expect(priorityFor(impact, urgency, DEFAULT_PRIORITY_MATRIX)).toBe(priority);
  });

  it('follows a configured matrix, and refuses one with a missing or invalid cell', () => {
    const strict = { ...DEFAULT_PRIORITY_MATRIX, low: { high: 2, medium: 2, low: 4 } };
    expect(priorityFor('low', 'high', PriorityMatrixSchema.parse(strict))).toBe(2);
    expect(PriorityMatrixSchema.safeParse({ ...strict, low: { high: 2, medium: 2 } }).success).toBe(
      false,
    );
    expect(
      PriorityMatrixSchema.safeParse({ ...strict, low: { high: 0, medium: 2, low: 4 } }).success,
    ).toBe(false);
  });
});

describe('tiers', () => {
  it('escalates only upwards and de-escalates only downwards', () => {
    expect(() => {
      assertTierMove('escalation', 'tier1', 'tier2');
    }).not.toThrow();
    expect(() => {
      assertTierMove('de-escalation', 'specialist', 'tier1');
    }).not.toThrow();
    expect(
      failure(() => {
        assertTierMove('escalation', 'tier2', 'tier1');
      }).code,
    ).toBe('invalid_transition');
    expect(
      failure(() => {
        assertTierMove('escalation', 'specialist', 'specialist');
      }).message,
    ).toMatch(/already with the specialists/);
    expect(
      failure(() => {
        assertTierMove('de-escalation', 'tier1', 'tier1');
      }).message,
    ).toMatch(/already on the first line/);
  });
});

describe('categories', () => {
  it('are paths in a tree', () => {
    expect(isCategory(DEFAULT_CATEGORY_TREE, 'printer/paper-jam')).toBe(true);
    expect(isCategory(DEFAULT_CATEGORY_TREE, 'printer/coffee')).toBe(false);
    expect(categoryAndDescendants(DEFAULT_CATEGORY_TREE, 'network')).toEqual([
      'network',
      'network/wifi',
      'network/vpn',
      'network/wired',
      'network/internet',
    ]);
  });

  it('refuse a tree with a duplicate or a bad segment', () => {
    expect(CategoryTreeSchema.safeParse([{ id: 'a' }, { id: 'a' }]).success).toBe(false);
    expect(CategoryTreeSchema.safeParse([{ id: 'Bad Name' }]).success).toBe(false);
  });
});

describe('closure', () => {
  const resolvedAt = '2026-03-02T10:00:00.000Z';
  const policy = DEFAULT_CLOSURE_POLICY; // no answer: 5 days; reopen: 14 days

  it('requires a resolution code and notes', () => {
    expect(
      ResolutionSchema.safeParse({ resolutionCode: 'fixed', resolutionNotes: '' }).success,
    ).toBe(false);
    expect(ResolutionSchema.safeParse({ resolutionNotes: 'Replaced the toner' }).success).toBe(
      false,
    );
    expect(
      ResolutionSchema.safeParse({ resolutionCode: 'fixed', resolutionNotes: 'Replaced the toner' })
        .success,
    ).toBe(true);
  });

  it('closes on confirmation, goes back to work when not confirmed', () => {
    expect(statusAfterVerification('confirmed', 'resolved', resolvedAt, resolvedAt, policy)).toBe(
      'closed',
    );
    expect(
      statusAfterVerification('not_confirmed', 'resolved', resolvedAt, resolvedAt, policy),
    ).toBe('in_progress');
  });

  it('closes without an answer only after the waiting period', () => {
    expect(
      failure(() =>
        statusAfterVerification(
          'no_answer',
          'resolved',
          resolvedAt,
          '2026-03-06T10:00:00.000Z',
          policy,
        ),
      ).message,
    ).toMatch(/5 days/);
    expect(
      statusAfterVerification(
        'no_answer',
        'resolved',
        resolvedAt,
        '2026-03-07T10:00:00.000Z',
        policy,
      ),
    ).toBe('closed');
  });

  it('verifies only resolved tickets', () => {
    expect(
      failure(() => statusAfterVerification('confirmed', 'in_progress', null, resolvedAt, policy))
        .code,
    ).toBe('invalid_transition');
  });

  it('reopens within the window only', () => {
    expect(() => {
      assertCanReopen('closed', resolvedAt, '2026-03-16T10:00:00.000Z', policy);
    }).not.toThrow();
    expect(
      failure(() => {
        assertCanReopen('closed', resolvedAt, '2026-03-16T10:00:01.000Z', policy);
      }).message,
    ).toMatch(/more than 14 days/);
    expect(
      failure(() => {
        assertCanReopen('in_progress', null, resolvedAt, policy);
      }).code,
    ).toBe('invalid_transition');
  });

  it('takes feedback from 1 to 5, once resolved', () => {
    expect(FeedbackSchema.safeParse({ rating: 6 }).success).toBe(false);
    expect(FeedbackSchema.safeParse({ rating: 0 }).success).toBe(false);
    expect(FeedbackSchema.parse({ rating: 4 })).toEqual({ rating: 4, comment: '' });
    expect(() => {
      assertCanGiveFeedback('closed');
    }).not.toThrow();
    expect(
      failure(() => {
        assertCanGiveFeedback('new');
      }).code,
    ).toBe('invalid_transition');
  });
});
