import { defineContract } from '@domain/contract';

/** The geography module's permissions and error codes. */
export const geographyContract = defineContract({
  name: 'geography',
  permissions: {
    'geography.read': 'Xem số liệu tổng hợp theo địa bàn',
    'geography.import': 'Nhập thôn/ấp, dân số',
  },
  errors: {
    'geography.unit_not_found': { vi: 'Không tìm thấy đơn vị hành chính', en: 'Administrative unit not found' },
    'geography.import_rows': { vi: 'Tệp có {count} dòng lỗi; không dòng nào được nhập', en: 'The file has {count} bad rows; nothing was imported' },
    'geography.csv_header': { vi: 'Dòng tiêu đề CSV phải gồm: {columns}', en: 'The CSV header must be: {columns}' },
  },
});
