import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ResultInput } from '@server/modules/testing/schemas';
import { api } from '@web/lib/api';
import type { OpenedCase } from './useCollect';
import type { TubeView } from './useSessions';
import type { TaskView } from './useTasks';

/** A tube looked up by its barcode, with its deconvolution or confirmation tasks. */
export interface SampleDetail extends TubeView {
  tasks: Omit<TaskView, 'sourceBarcode' | 'sourceTestType' | 'person'>[];
}

/** The answer to one result: the merge report (applied, unchanged, held as a conflict) and what it caused. */
export interface ResultAnswer {
  total: number;
  applied: number;
  unchanged: number;
  conflicts: number;
  casesOpened: OpenedCase[];
  tasksCreated: number;
  sample: SampleDetail;
}

/** A tube by its barcode, fetched afresh each time it is scanned. */
export const sampleQuery = (barcode: string) => queryOptions({
  queryKey: ['testing', 'sample', barcode],
  queryFn: () => api.get<SampleDetail>(`/api/testing/samples/${encodeURIComponent(barcode)}`),
  staleTime: 0,
});

export function useRecordResult() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ barcode, input }: { barcode: string; input: ResultInput }) => api.post<ResultAnswer>(`/api/testing/samples/${encodeURIComponent(barcode)}/result`, input),
    onSuccess: (answer) => {
      qc.setQueryData(['testing', 'sample', answer.sample.barcode], answer.sample);
      void qc.invalidateQueries({ queryKey: ['testing', 'tasks'] });
      void qc.invalidateQueries({ queryKey: ['testing', 'session'] });
      if (answer.casesOpened.length) void qc.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}
