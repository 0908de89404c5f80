import { useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api';

/** TaskView: a task with its source tube, the tube already taken for it (no second one is taken) and the person. */
export type { TaskBrief, TaskKind, TaskView } from '@server/modules/testing/views';

export function useTasks(communeCode: string | undefined) {
  return useQuery({
    queryKey: ['testing', 'tasks', communeCode],
    queryFn: () => api.get('/api/testing/tasks', { query: { communeCode } }),
    enabled: !!communeCode,
  });
}
