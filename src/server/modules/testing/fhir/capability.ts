import { INCLUDES, MAX_SEARCH_DAYS } from './search';
import type { CapabilityStatementView } from './views';

/** `GET /api/fhir/metadata`: what this FHIR endpoint serves (FHIR R4 CapabilityStatement, instance kind). */
export function capabilityStatement(base: string, software: { version: string }): CapabilityStatementView {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-12-06',
    publisher: 'Trung tâm Chỉ huy',
    kind: 'instance',
    software: { name: 'Trung tâm Chỉ huy', version: software.version },
    implementation: { description: 'Kết quả xét nghiệm SARS-CoV-2 (FHIR R4)', url: base },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        documentation: 'Đăng nhập bằng phiên làm việc hoặc khóa API (Authorization: Bearer) có quyền testing.read. Lỗi trả về OperationOutcome.',
        security: { cors: false, description: 'Phiên làm việc (cookie) hoặc khóa API (Bearer); chỉ trong phạm vi đơn vị của người dùng.' },
        resource: [
          {
            type: 'Observation',
            profile: 'http://hl7.org/fhir/StructureDefinition/Observation',
            documentation: `Một kết quả của một người trên một ống mẫu. Kết quả dương tính của mẫu gộp là "preliminary" cho từng thành viên cho tới khi xét nghiệm tách mẫu có kết quả; kết quả được sửa sau xem xét là "corrected". Cần date (tối đa ${MAX_SEARCH_DAYS} ngày) hoặc patient. Specimen, Patient và Organization được kèm trong Bundle (search.mode = include).`,
            interaction: [{ code: 'read' }, { code: 'search-type' }],
            searchInclude: INCLUDES,
            searchParam: [
              { name: 'patient', type: 'reference', documentation: 'Patient/<mã> hoặc <mã>; nhiều giá trị cách nhau bằng dấu phẩy' },
              { name: 'date', type: 'date', documentation: 'Ngày lấy mẫu (giờ Việt Nam), tiền tố eq, gt, ge, lt, le; lặp lại để tạo khoảng' },
              { name: 'code', type: 'token', documentation: 'Mã LOINC của loại xét nghiệm, ví dụ http://loinc.org|94500-6' },
              { name: '_lastUpdated', type: 'date', documentation: 'Thời điểm cập nhật cuối, tiền tố eq, gt, ge, lt, le' },
              { name: '_count', type: 'number', documentation: 'Số kết quả mỗi trang (1–1000, mặc định 100)' },
              { name: 'page', type: 'number', documentation: 'Trang (từ 1); liên kết self/first/previous/next/last trong Bundle' },
            ],
          },
        ],
      },
    ],
  };
}
