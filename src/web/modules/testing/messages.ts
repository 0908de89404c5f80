import type { Widen } from '@web/app/i18n/catalog';
import * as results from './messages/results';
import * as sampling from './messages/sampling';

/** Vietnamese text of testing (sampling, lab, results): the first language. {name} marks a value filled in. */
export const vi = {
  menu: {
    sampling: 'Lấy mẫu xét nghiệm',
    testingTasks: 'Nhiệm vụ lấy lại mẫu',
    lab: 'Phòng xét nghiệm',
    labs: 'Danh mục phòng xét nghiệm',
    testingSummary: 'Tổng hợp xét nghiệm',
    overdueSamples: 'Mẫu quá hạn',
    resultImport: 'Nhập kết quả từ tệp',
    resultConflicts: 'Kết quả khác nhau',
  },
  ...results.vi,
  ...sampling.vi,
};

/** English text: every key of `vi`. */
export const en: Widen<typeof vi> = {
  menu: {
    sampling: 'Sample collection',
    testingTasks: 'Re-collection tasks',
    lab: 'Lab',
    labs: 'Labs',
    testingSummary: 'Testing summary',
    overdueSamples: 'Overdue samples',
    resultImport: 'Import results',
    resultConflicts: 'Conflicting results',
  },
  ...results.en,
  ...sampling.en,
};
