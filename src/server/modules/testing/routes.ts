import { z } from 'zod';
import { uuid } from '@domain/fields';
import { route } from '../../platform/http';
import { AppError } from '../../platform/errors';
import { overdueSamples, testingSummary } from './board';
import { importResults, type ImportReport } from './import';
import type { LabIntake } from './intake';
import type { ResultLookup } from './public';
import { templateCsv } from './result-file';
import {
  barcode, collectedView, collectInput, conflictDecision, conflictResolved, importQuery, importReport, importStatusView, labInput, labPoolInput, labPoolView, labView,
  lookupInput, lookupView, overdueBoard, overdueQuery, poolPlanQuery, poolPlanView, receivedView, receiveInput, resultConflict, resultEnteredView, resultInput,
  resultRowsInput, sampleView, sessionInput, sessionListItem, sessionListQuery, sessionView, shipmentInput, shipmentView, summaryQuery, taskView, tasksQuery,
  teamInput, teamView, testingSummaryView, testTypeView,
} from './schemas';
import type { TestingService } from './service';

const idParams = z.object({ id: uuid });
const barcodeParams = z.object({ barcode });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Result files: up to 1,000,000 rows of the template fit in 100 MB. */
export const RESULT_FILE_LIMIT = 100 * 1024 * 1024;
export const RESULT_FILE_TYPES = ['text/csv', 'text/plain', 'application/octet-stream', XLSX];

/** A rejected import answers 422 with the whole report (every rejected row with its reason). */
function answer(report: ImportReport) {
  if (report.status === 'rejected') throw new AppError('testing.import_rejected', 422, { count: report.rejected }, 'file', undefined, { import: report });
  return report;
}

export function testingRoutes(t: TestingService, intake: LabIntake, lookup: ResultLookup) {
  return [
    route({ method: 'GET', url: '/api/testing/test-types', tag: 'testing', summary: 'Loại xét nghiệm và mã LOINC', access: 'testing.summary', response: z.array(testTypeView), handler: () => t.testTypes() }),
    route({ method: 'GET', url: '/api/testing/labs', tag: 'testing', summary: 'Phòng xét nghiệm: công suất theo loại, giờ làm việc', access: 'testing.summary', response: z.array(labView), handler: ({ actor }) => intake.labs(actor) }),
    route({ method: 'POST', url: '/api/testing/labs', tag: 'testing', summary: 'Thêm phòng xét nghiệm', access: 'testing.manage', body: labInput, status: 201, response: labView, handler: ({ actor, body }) => intake.saveLab(actor, body) }),
    route({ method: 'PUT', url: '/api/testing/labs/:id', tag: 'testing', summary: 'Sửa phòng xét nghiệm', access: 'testing.manage', params: idParams, body: labInput, response: labView, handler: ({ actor, params, body }) => intake.saveLab(actor, body, params.id) }),
    route({ method: 'GET', url: '/api/testing/teams', tag: 'testing', summary: 'Tổ lấy mẫu theo xã', access: 'testing.read', personal: true, query: z.object({ communeCode: z.string().optional() }), response: z.array(teamView), handler: ({ actor, query }) => t.teams(actor, query.communeCode) }),
    route({ method: 'POST', url: '/api/testing/teams', tag: 'testing', summary: 'Thêm tổ lấy mẫu', access: 'testing.collect', body: teamInput, status: 201, response: teamView, handler: ({ actor, body }) => t.saveTeam(actor, body) }),
    route({ method: 'PUT', url: '/api/testing/teams/:id', tag: 'testing', summary: 'Sửa tổ lấy mẫu', access: 'testing.collect', params: idParams, body: teamInput, response: teamView, handler: ({ actor, params, body }) => t.saveTeam(actor, body, params.id) }),

    route({ method: 'GET', url: '/api/testing/sessions', tag: 'testing', summary: 'Buổi lấy mẫu theo xã và ngày', access: 'testing.read', personal: true, query: sessionListQuery, response: z.array(sessionListItem), handler: ({ actor, query }) => t.sessions(actor, query) }),
    route({ method: 'POST', url: '/api/testing/sessions', tag: 'testing', summary: 'Mở buổi lấy mẫu (điểm cố định hoặc từng nhà)', access: 'testing.collect', body: sessionInput, status: 201, response: sessionView, handler: ({ actor, body }) => t.createSession(actor, body) }),
    route({ method: 'GET', url: '/api/testing/sessions/:id', tag: 'testing', summary: 'Buổi lấy mẫu và các ống mẫu đã lấy', access: 'testing.read', personal: true, params: idParams, response: sessionView, handler: ({ actor, params }) => t.session(actor, params.id) }),
    route({ method: 'GET', url: '/api/testing/pool-plan', tag: 'testing', summary: 'Chia hộ gia đình vào các ống gộp theo cỡ gộp tối đa đang áp dụng', access: 'testing.collect', personal: true, query: poolPlanQuery, response: poolPlanView, handler: ({ actor, query }) => t.poolPlan(actor, query.householdId) }),
    route({
      method: 'POST', url: '/api/testing/sessions/:id/samples', tag: 'testing', summary: 'Lấy mẫu: mẫu đơn hoặc mẫu gộp hộ gia đình; test nhanh có kết quả tại chỗ', access: 'testing.collect', personal: true,
      params: idParams, body: collectInput, status: 201, response: collectedView, handler: ({ actor, params, body }) => t.collect(actor, params.id, body),
    }),
    route({ method: 'GET', url: '/api/testing/samples/:barcode', tag: 'testing', summary: 'Ống mẫu: người được lấy mẫu, các mốc thời gian, kết quả, nhiệm vụ tách mẫu', access: 'testing.read', personal: true, params: barcodeParams, response: sampleView, handler: ({ actor, params }) => t.sample(actor, params.barcode) }),

    route({ method: 'GET', url: '/api/testing/shipments', tag: 'testing', summary: 'Chuyến chuyển mẫu tới phòng xét nghiệm', access: 'testing.read', personal: true, query: z.object({ labId: uuid.optional(), pending: z.enum(['true', 'false']).optional() }), response: z.array(shipmentView), handler: ({ actor, query }) => intake.shipments(actor, { labId: query.labId, pending: query.pending === 'true' }) }),
    route({ method: 'POST', url: '/api/testing/shipments', tag: 'testing', summary: 'Gửi các ống mẫu tới phòng xét nghiệm', access: 'testing.collect', body: shipmentInput, status: 201, response: shipmentView, handler: ({ actor, body }) => intake.ship(actor, body) }),
    route({
      method: 'POST', url: '/api/testing/shipments/:id/receive', tag: 'testing', summary: 'Phòng xét nghiệm tiếp nhận chuyến mẫu bằng quét mã: báo ống thiếu, ống thừa', access: 'testing.lab',
      params: idParams, body: receiveInput, response: receivedView, handler: ({ actor, params, body }) => intake.receive(actor, params.id, body),
    }),
    route({
      method: 'POST', url: '/api/testing/samples/:barcode/result', tag: 'testing', summary: 'Nhập kết quả một ống mẫu (âm tính; dương tính kèm Ct; không xác định → làm lại)', access: 'testing.lab', personal: true,
      params: barcodeParams, body: resultInput, response: resultEnteredView, handler: ({ actor, params, body }) => t.enterResult(actor, params.barcode, body),
    }),
    route({ method: 'POST', url: '/api/testing/lab-pools', tag: 'testing', summary: 'Gộp các ống mẫu đơn đã tiếp nhận thành một ống gộp tại phòng xét nghiệm', access: 'testing.lab', personal: true, body: labPoolInput, status: 201, response: labPoolView, handler: ({ actor, body }) => intake.makeLabPool(actor, body) }),
    route({ method: 'GET', url: '/api/testing/tasks', tag: 'testing', summary: 'Nhiệm vụ lấy lại mẫu đơn, xét nghiệm lại ống lưu, khẳng định RT-PCR (người nghi nhiễm ở yên tại nhà)', access: 'testing.read', personal: true, query: tasksQuery, response: z.array(taskView), handler: ({ actor, query }) => t.tasks(actor, query) }),

    route({
      method: 'GET', url: '/api/testing/imports/template.csv', tag: 'testing', summary: 'Mẫu tệp kết quả xét nghiệm (CSV)', access: 'testing.lab',
      produces: 'text/csv', handler: ({ reply }) => reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="mau-ket-qua-xet-nghiem.csv"').send(templateCsv()),
    }),
    route({
      method: 'POST', url: '/api/testing/imports', tag: 'testing', summary: 'Nhập tệp kết quả (CSV hoặc XLSX): tất cả hoặc không, nhập lại không đổi gì', access: 'testing.lab', personal: true,
      query: importQuery.extend({ id: uuid.optional() }), body: z.custom<Buffer>((v) => Buffer.isBuffer(v), { message: 'testing.import_empty' }), bodyLimit: RESULT_FILE_LIMIT,
      response: importReport, handler: async ({ actor, query, body, req }) => {
        const xlsx = req.headers['content-type']?.startsWith(XLSX) || /\.xlsx$/i.test(query.fileName);
        return answer(await importResults(t, actor, { labId: query.labId, fileName: query.fileName, id: query.id, source: { format: xlsx ? 'xlsx' : 'csv', bytes: body } }));
      },
    }),
    route({
      method: 'POST', url: '/api/testing/results', tag: 'testing', summary: 'API cho hệ thống phòng xét nghiệm: gửi kết quả dạng JSON (như tệp mẫu)', access: 'testing.lab', tokens: true, personal: true,
      body: resultRowsInput, bodyLimit: RESULT_FILE_LIMIT,
      response: importReport, handler: async ({ actor, body }) => answer(await importResults(t, actor, { labId: body.labId, fileName: body.reference, source: { format: 'json', rows: body.rows } })),
    }),
    route({ method: 'GET', url: '/api/testing/imports/:id', tag: 'testing', summary: 'Tiến độ và kết quả một lần nhập', access: 'testing.lab', tokens: true, params: idParams, response: importStatusView, handler: ({ actor, params }) => t.importStatus(actor, params.id) }),
    route({ method: 'GET', url: '/api/testing/conflicts', tag: 'testing', summary: 'Kết quả khác nhau cho cùng một ống, chờ xem xét', access: 'testing.lab', personal: true, response: z.array(resultConflict), handler: ({ actor }) => t.conflicts(actor) }),
    route({ method: 'POST', url: '/api/testing/conflicts/:id', tag: 'testing', summary: 'Xử lý kết quả chờ xem xét: chấp nhận kết quả mới hoặc giữ kết quả cũ', access: 'testing.lab', personal: true, params: idParams, body: conflictDecision, response: conflictResolved, handler: ({ actor, params, body }) => t.resolveConflict(actor, params.id, body.decision) }),

    route({ method: 'GET', url: '/api/testing/summary', tag: 'testing', summary: 'Tổng hợp xét nghiệm trong ngày cho Ban Chỉ đạo (mẫu, người, gộp, tỷ lệ dương tính, thời gian trả kết quả, tồn đọng)', access: 'testing.summary', tokens: true, query: summaryQuery, response: testingSummaryView, handler: ({ actor, query }) => testingSummary(t, actor, query) }),
    route({ method: 'GET', url: '/api/testing/overdue', tag: 'testing', summary: 'Mẫu quá hạn chưa có kết quả', access: 'testing.read', personal: true, query: overdueQuery, response: overdueBoard, handler: ({ actor, query }) => overdueSamples(t, actor, query) }),

    route({ method: 'POST', url: '/api/public/result-lookup', tag: 'testing', summary: 'Tra cứu kết quả xét nghiệm (mã ống + CCCD hoặc số điện thoại); giới hạn số lần', access: 'public', body: lookupInput, response: lookupView, handler: ({ req, body }) => lookup.lookup(req.ip, body) }),
  ];
}
