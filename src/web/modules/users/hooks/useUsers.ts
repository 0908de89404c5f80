import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type BodyOf } from '@web/lib/api';

const USERS = ['users'] as const;

export function useUsers(enabled = true) {
  return useQuery({ queryKey: USERS, queryFn: () => api.get('/api/users'), enabled });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: BodyOf<'POST', '/api/users'>) => api.post('/api/users', { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: USERS }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: BodyOf<'PATCH', '/api/users/:id'> }) => api.patch('/api/users/:id', { params: { id }, body: patch }),
    onSuccess: () => qc.invalidateQueries({ queryKey: USERS }),
  });
}

export function useResetPassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post('/api/users/:id/reset-password', { params: { id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: USERS }),
  });
}
