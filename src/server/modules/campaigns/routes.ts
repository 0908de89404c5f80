import { z } from 'zod';
import { route, XLSX } from '../../platform/http';
import type { CampaignsServices } from './index';
import { planWorkbook } from './plan-export';
import {
  campaignDetail,
  campaignInput,
  campaignView,
  idParams,
  labCapacityInput,
  planEdit,
  planInput,
  planView,
  teamCapacityInput,
  teamParams,
  workList,
} from './schemas';

export function campaignsRoutes(c: CampaignsServices) {
  return [
    route({
      method: 'GET',
      url: '/api/campaigns',
      tag: 'campaigns',
      summary: 'Các chiến dịch xét nghiệm có xã/phường trong phạm vi: số xã, số hộ mục tiêu, số vòng quá hạn',
      access: 'campaigns.read',
      response: z.array(campaignView),
      handler: ({ actor }) => c.campaigns.list(actor),
    }),
    route({
      method: 'POST',
      url: '/api/campaigns',
      tag: 'campaigns',
      summary: 'Tạo chiến dịch: các xã/phường, chu kỳ và phương pháp theo cấp độ dịch và quy định xét nghiệm đang áp dụng',
      status: 201,
      access: 'campaigns.manage',
      body: campaignInput,
      response: campaignView,
      handler: ({ actor, body }) => c.campaigns.create(actor, body),
    }),
    route({
      method: 'GET',
      url: '/api/campaigns/:id',
      tag: 'campaigns',
      summary: 'Tiến độ chiến dịch: vòng theo xã, hộ và người đã lấy mẫu, dương tính, trả kết quả trong ngày, hộ chưa từng lấy mẫu',
      access: 'campaigns.read',
      params: idParams,
      response: campaignDetail,
      handler: ({ actor, params }) => c.campaigns.detail(actor, params.id),
    }),
    route({
      method: 'POST',
      url: '/api/campaigns/:id/teams',
      tag: 'campaigns',
      summary: 'Công suất của một tổ lấy mẫu trong chiến dịch (hộ/ngày theo phương pháp, ấp/khu vực phụ trách)',
      access: 'campaigns.plan',
      params: idParams,
      body: teamCapacityInput,
      response: campaignDetail,
      handler: ({ actor, params, body }) => c.campaigns.setTeam(actor, params.id, body),
    }),
    route({
      method: 'POST',
      url: '/api/campaigns/:id/labs',
      tag: 'campaigns',
      summary: 'Công suất phòng xét nghiệm dành cho chiến dịch (lượt chạy mẫu gộp, mẫu đơn mỗi ngày) và quận/huyện được phân công',
      access: 'campaigns.plan',
      params: idParams,
      body: labCapacityInput,
      response: campaignDetail,
      handler: ({ actor, params, body }) => c.campaigns.setLab(actor, params.id, body),
    }),
    route({
      method: 'POST',
      url: '/api/campaigns/:id/plans',
      tag: 'campaigns',
      summary: 'Lập kế hoạch lấy mẫu (mặc định cho ngày mai): hộ theo thứ tự ưu tiên cho từng tổ và phòng xét nghiệm, thiếu hụt, cận trên',
      status: 201,
      access: 'campaigns.plan',
      params: idParams,
      body: planInput,
      response: planView,
      handler: ({ actor, params, body }) => c.plans.make(actor, params.id, body.day),
    }),
    route({
      method: 'GET',
      url: '/api/campaigns/plans/:id',
      tag: 'campaigns',
      summary: 'Kế hoạch lấy mẫu: số hộ theo tổ, ấp và phòng xét nghiệm, thiếu hụt và phương án khác',
      access: 'campaigns.read',
      params: idParams,
      response: planView,
      handler: ({ actor, params }) => c.plans.views.view(actor, params.id),
    }),
    route({
      method: 'PATCH',
      url: '/api/campaigns/plans/:id',
      tag: 'campaigns',
      summary: 'Sửa kế hoạch chưa duyệt: chuyển một ấp/khu vực sang tổ khác',
      access: 'campaigns.plan',
      params: idParams,
      body: planEdit,
      response: planView,
      handler: ({ actor, params, body }) => c.plans.edit(actor, params.id, body),
    }),
    route({
      method: 'POST',
      url: '/api/campaigns/plans/:id/approve',
      tag: 'campaigns',
      summary: 'Duyệt kế hoạch: mở buổi lấy mẫu cho từng tổ trong phân hệ xét nghiệm',
      access: 'campaigns.plan',
      params: idParams,
      response: planView,
      handler: ({ actor, params }) => c.plans.approve(actor, params.id),
    }),
    route({
      method: 'GET',
      url: '/api/campaigns/plans/:id/teams/:teamId',
      tag: 'campaigns',
      summary: 'Danh sách hộ của một tổ trong ngày (trên điện thoại): theo ấp, người trong hộ, đã lấy/còn lại',
      access: 'campaigns.work',
      personal: true,
      params: teamParams,
      response: workList,
      handler: ({ actor, params }) => c.plans.views.workList(actor, params.id, params.teamId),
    }),
    route({
      method: 'GET',
      url: '/api/campaigns/plans/:id/export',
      tag: 'campaigns',
      summary: 'Tải kế hoạch (Excel): bảng tổng hợp và một trang cho mỗi tổ',
      access: 'campaigns.work',
      personal: true,
      params: idParams,
      produces: XLSX,
      handler: async ({ actor, params, reply }) => {
        const plan = await c.plans.views.view(actor, params.id);
        const lists = [];
        for (const t of plan.teams) lists.push(await c.plans.views.workList(actor, params.id, t.teamId));
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename="ke-hoach-lay-mau-${plan.day}.xlsx"`)
          .send(await planWorkbook(plan, lists));
      },
    }),
  ];
}
