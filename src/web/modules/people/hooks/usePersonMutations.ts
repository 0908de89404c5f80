import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type BodyOf } from '@web/lib/api';

/** Every saved change invalidates the lists and the records it touches. */
function useRefresh() {
  const qc = useQueryClient();
  return (...ids: (string | null | undefined)[]) => {
    void qc.invalidateQueries({ queryKey: ['persons'] });
    void qc.invalidateQueries({ queryKey: ['duplicates'] });
    for (const id of ids)
      if (id) {
        void qc.invalidateQueries({ queryKey: ['person', id] });
        void qc.invalidateQueries({ queryKey: ['household', id] });
      }
  };
}

export function useCreatePerson() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: BodyOf<'POST', '/api/persons'>) => api.post('/api/persons', { body: input }),
    onSuccess: (r) => refresh(r.person.id, r.person.householdId),
  });
}

export function useUpdatePerson(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (patch: BodyOf<'PATCH', '/api/persons/:id'>) => api.patch('/api/persons/:id', { params: { id }, body: patch }),
    onSuccess: (p) => refresh(p.id, p.householdId),
  });
}

export function useMergePersons() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: BodyOf<'POST', '/api/persons/merge'>) => api.post('/api/persons/merge', { body }),
    onSuccess: (p, body) => refresh(p.id, body.mergeId, p.householdId),
  });
}

export function useCreateHousehold() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: BodyOf<'POST', '/api/households'>) => api.post('/api/households', { body: input }),
    onSuccess: (r) => refresh(r.household.id),
  });
}

export function useUpdateHousehold(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (patch: BodyOf<'PATCH', '/api/households/:id'>) => api.patch('/api/households/:id', { params: { id }, body: patch }),
    onSuccess: (h) => refresh(h.id, ...h.members.map((m) => m.id)),
  });
}
