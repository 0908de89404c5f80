import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DuplicateWarning, HouseholdView, PersonView } from '@server/modules/people/schemas';
import { api } from '@web/lib/api';

/** Every saved change invalidates the lists and the records it touches. */
function useRefresh() {
  const qc = useQueryClient();
  return (...ids: (string | null | undefined)[]) => {
    void qc.invalidateQueries({ queryKey: ['persons'] });
    void qc.invalidateQueries({ queryKey: ['duplicates'] });
    for (const id of ids) if (id) {
      void qc.invalidateQueries({ queryKey: ['person', id] });
      void qc.invalidateQueries({ queryKey: ['household', id] });
    }
  };
}

export function useCreatePerson() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: unknown) => api.post<{ person: PersonView; warnings: DuplicateWarning[] }>('/api/persons', input),
    onSuccess: (r) => refresh(r.person.id, r.person.householdId),
  });
}

export function useUpdatePerson(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (patch: unknown) => api.patch<PersonView>(`/api/persons/${id}`, patch),
    onSuccess: (p) => refresh(p.id, p.householdId),
  });
}

export function useMergePersons() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { keepId: string; mergeId: string }) => api.post<PersonView>('/api/persons/merge', body),
    onSuccess: (p, body) => refresh(p.id, body.mergeId, p.householdId),
  });
}

export function useCreateHousehold() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: unknown) => api.post<{ household: HouseholdView; warnings: DuplicateWarning[] }>('/api/households', input),
    onSuccess: (r) => refresh(r.household.id),
  });
}

export function useUpdateHousehold(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (patch: unknown) => api.patch<HouseholdView>(`/api/households/${id}`, patch),
    onSuccess: (h) => refresh(h.id, ...h.members.map((m) => m.id)),
  });
}
