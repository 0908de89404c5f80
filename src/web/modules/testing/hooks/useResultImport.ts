import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { uuidv7 } from '@domain/uuid';
import type { ImportReport } from '@server/modules/testing/views';
import { api, ApiError, pathOf, uploadFile, type QueryOf, type ResponseOf } from '@web/lib/api';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type { ImportStage } from '@server/modules/testing/schemas';
export type { ImportReport, ImportRowError } from '@server/modules/testing/views';

const POLL_MS = 1000;

/** The report of a rejected file (422): every refused row; nothing of the file was stored. */
export function rejectedReport(error: unknown): ImportReport | null {
  return error instanceof ApiError && error.status === 422 ? ((error.problem.import as ImportReport | undefined) ?? null) : null;
}

function contentTypeOf(file: File): string {
  return file.type === XLSX_TYPE || /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'text/csv';
}

/**
 * Uploads a lab's result file as the raw body under an id made here, so the page can follow the server's
 * stages (GET /api/testing/imports/:id) once the upload is done and until the answer arrives.
 */
export function useResultImport() {
  const qc = useQueryClient();
  const [uploaded, setUploaded] = useState(0);
  const [importId, setImportId] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: ({ labId, file }: { labId: string; file: File }) => {
      const id = uuidv7();
      setImportId(id);
      setUploaded(0);
      const query: QueryOf<'POST', '/api/testing/imports'> = { labId, fileName: file.name, id };
      return uploadFile<ResponseOf<'POST', '/api/testing/imports'>>(pathOf('/api/testing/imports', { query }), file, contentTypeOf(file), setUploaded);
    },
    onSettled: () => void qc.invalidateQueries({ queryKey: ['testing'] }),
  });
  // Asked from the start of the upload: browsers may report the end of an upload only with the answer, and the
  // server answers 404 until it has the body.
  const progress = useQuery({
    queryKey: ['testing', 'import', importId],
    // Not there yet (the server has not started on the body) answers 404: keep asking.
    queryFn: () =>
      api.get('/api/testing/imports/:id', { params: { id: importId! } }).catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }),
    enabled: upload.isPending && !!importId,
    refetchInterval: upload.isPending ? POLL_MS : false,
    retry: false,
    gcTime: 0,
  });
  const working = upload.isPending && (uploaded >= 1 || !!progress.data);
  return { upload, uploaded, progress: working ? (progress.data ?? null) : null, working };
}
