import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { AuditPage, AuditQuery } from '@deskside/core';
import type { ApiError } from '../../api/client';
import { useApi } from '../../api/hooks';
import { AUDIT_PAGE_SIZE } from './audit-query';

/**
 * The audit log, newest first, a page at a time. Its key starts with the method's name, so a
 * refresh of `audit.list` reaches it like any other read.
 */
export function useAuditLog(query: Omit<AuditQuery, 'limit' | 'offset'>) {
  const api = useApi();
  return useInfiniteQuery<AuditPage, ApiError, { pages: AuditPage[] }, readonly unknown[], number>({
    queryKey: ['audit.list', query],
    queryFn: ({ pageParam }) =>
      api.call('audit.list', { ...query, limit: AUDIT_PAGE_SIZE, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) =>
      last.hasMore ? pages.reduce((sum, page) => sum + page.entries.length, 0) : undefined,
    // New filters keep the old entries on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}
