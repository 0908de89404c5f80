import { useQuery } from '@tanstack/react-query';
import type { TestType } from '@domain/testing';
import type { TaskBrief } from '@server/modules/testing/schemas';
import { api, withQuery } from '@web/lib/api';

export type { TaskBrief, TaskKind } from '@server/modules/testing/schemas';

/** A task with its source tube and person (GET /api/testing/tasks). */
export interface TaskView extends TaskBrief {
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
