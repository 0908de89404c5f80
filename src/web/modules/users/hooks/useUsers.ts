import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserView } from '@server/modules/users/schemas';
import { api } from '@web/lib/api';

const USERS = ['users'] as const;

export function useUsers(enabled = true) {
  return useQuery({ queryKey: USERS, queryFn: () => api.get<UserView[]>('/api/users'), enabled });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: unknown) => api.post<{ user: UserView; password?: string }>('/api/users', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: USERS }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: unknown }) => api.patch<UserView>(`/api/users/${id}`, patch),
    onSuccess: () => qc.invalidateQueries({ queryKey: USERS }),
  });
}

export function useResetPassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ password: string }>(`/api/users/${id}/reset-password`),
    onSuccess: () => qc.invalidateQueries({ queryKey: USERS }),
  });
}
