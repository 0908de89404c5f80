import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '@web/lib/api';

export interface AuditFilters {
  actorId?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
}

export interface AuditItem {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  ip: string | null;
  fields: string[];
  detail: unknown;
  hash: string;
}

export interface ChainReport {
  rows: number;
  ok: boolean;
  altered: number[];
  missingAfter: number[];
}

export function useAuditLog(filters: AuditFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['audit', filters, page, pageSize],
    queryFn: () => api.get<{ items: AuditItem[]; total: number }>(withQuery('/api/audit', { ...filters, page, pageSize })),
    placeholderData: keepPreviousData,
  });
}

/** Walks the whole hash chain on the server: altered rows and gaps. */
export function useAuditVerification() {
  return useQuery({ queryKey: ['audit', 'verify'], queryFn: () => api.get<ChainReport>('/api/audit/verify'), staleTime: 0 });
}
