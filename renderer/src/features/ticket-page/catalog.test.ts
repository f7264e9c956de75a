import { describe, expect, it } from 'vitest';
import {
  InspectionResultSchema,
  OrderKindSchema,
  OrderStatusSchema,
  PRIORITIES,
  ResolutionCodeSchema,
  TICKET_ACTIONS,
  TierSchema,
  TimelineKindSchema,
  VendorCaseStatusSchema,
  VerificationOutcomeSchema,
  VisitStatusSchema,
  categoryIds,
  DEFAULT_CATEGORY_TREE,
  SlaClockSchema,
  QueueSortSchema,
} from '@deskside/core';
import en from '../../i18n/en.json';

type Tree = { [key: string]: string | Tree };

/** Whether English has a string at `prefix` + one key `value` (which may contain "/"). */
function has(prefix: string, value: string | number): boolean {
  let node: string | Tree = en;
  for (const key of [...prefix.split('.'), String(value)]) {
    if (typeof node === 'string' || !(key in node)) return false;
    node = node[key]!;
  }
  return typeof node === 'string';
}

/** Keys the pages build from data (`ticket.action.${action}`): one per value of the data. */
const built: [string, readonly (string | number)[]][] = [
  ['ticket.action', TICKET_ACTIONS],
  ['ticket.resolutionCode', ResolutionCodeSchema.options],
  ['ticket.outcome', VerificationOutcomeSchema.options],
  ['ticket.tier', TierSchema.options],
  ['ticket.timeline.kind', TimelineKindSchema.options],
  ['ticket.vendorStatus', VendorCaseStatusSchema.options],
  ['ticket.visitStatus', VisitStatusSchema.options],
  ['ticket.inspection', InspectionResultSchema.options],
  ['ticket.orderKind', OrderKindSchema.options],
  ['ticket.orderStatus', OrderStatusSchema.options],
  ['ticket.sla.state', SlaClockSchema.shape.state.options],
  ['ticket.rating', [1, 2, 3, 4, 5]],
  ['queue.priorityName', PRIORITIES],
  ['queue.sort', QueueSortSchema.options],
  ['queue.categories', categoryIds(DEFAULT_CATEGORY_TREE)],
];

describe('keys built from data', () => {
  it.each(built)('%s has a string for every value', (prefix, values) => {
    const missing = values.filter((value) => !has(prefix, value));
    expect(missing).toEqual([]);
  });
});
