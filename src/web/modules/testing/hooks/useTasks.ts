import { useQuery } from '@tanstack/react-query';
import type { TestType } from '@domain/testing';
import { api, withQuery } from '@web/lib/api';

export type TaskKind = 'recollect' | 'retest_stored' | 'confirm_rtpcr';

/** An open testing task with the person's card (name and phone only within the caller's scope). */
export interface TaskView {
  id: string;
  personId: string;
  communeCode: string;
  kind: TaskKind;
  sourceSampleId: string;
  storedSampleId: string | null;
  status: 'open' | 'done';
  dueOn: string;
  doneSampleId: string | null;
  createdAt: string;
  doneAt: string | null;
  sourceBarcode: string;
  sourceTestType: TestType;
  /** The tube already taken for the task (waiting for its result): no second one is taken. */
  collectedBarcode: string | null;
  person: { id: string; fullName: string | null; phone: string | null; birthYear: number | null; sex: 'male' | 'female' | null; communeCode: string; inScope: boolean } | null;
}

export function useTasks(communeCode: string | undefined) {
  return useQuery({
    queryKey: ['testing', 'tasks', communeCode],
    queryFn: () => api.get<TaskView[]>(withQuery('/api/testing/tasks', { communeCode })),
    enabled: !!communeCode,
  });
}
