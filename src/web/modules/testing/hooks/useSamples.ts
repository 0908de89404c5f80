import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type BodyOf } from '@web/lib/api';

/** SampleView: a tube looked up by its barcode, with its deconvolution or confirmation tasks. ResultEnteredView: the
 * answer to one result, the merge report (applied, unchanged, held as a conflict), what it caused and the tube now. */
export type { ResultEnteredView, SampleView } from '@server/modules/testing/views';

/** A tube by its barcode, fetched afresh each time it is scanned. */
export const sampleQuery = (barcode: string) =>
  queryOptions({
    queryKey: ['testing', 'sample', barcode],
    queryFn: () => api.get('/api/testing/samples/:barcode', { params: { barcode } }),
    staleTime: 0,
  });

export function useRecordResult() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ barcode, input }: { barcode: string; input: BodyOf<'POST', '/api/testing/samples/:barcode/result'> }) =>
      api.post('/api/testing/samples/:barcode/result', { params: { barcode }, body: input }),
    onSuccess: (answer) => {
      qc.setQueryData(['testing', 'sample', answer.sample.barcode], answer.sample);
      void qc.invalidateQueries({ queryKey: ['testing', 'tasks'] });
      void qc.invalidateQueries({ queryKey: ['testing', 'session'] });
      if (answer.casesOpened.length) void qc.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}
