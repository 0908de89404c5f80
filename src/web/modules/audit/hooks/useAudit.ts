import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEntryView, ChainReportView } from '@server/modules/audit/schemas';
import { api } from '@web/lib/api';

export interface AuditFilters {
  actorId?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** One audit entry and the chain check, as the audit routes answer them. */
export type AuditItem = AuditEntryView;
export type ChainReport = ChainReportView;

export function useAuditLog(filters: AuditFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['audit', filters, page, pageSize],
    queryFn: () => api.get('/api/audit', { query: { ...filters, page, pageSize } }),
    placeholderData: keepPreviousData,
  });
}

/** Walks the whole hash chain on the server: altered rows and gaps. */
export function useAuditVerification() {
  return useQuery({ queryKey: ['audit', 'verify'], queryFn: () => api.get('/api/audit/verify'), staleTime: 0 });
}
