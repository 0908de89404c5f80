import type { Widen } from '@web/app/i18n/catalog';

/** Vietnamese text of the access log: the first language. {name} marks a value filled in. */
export const vi = {
  menu: {
    audit: 'Nhật ký truy cập',
  },
  audit: {
    title: 'Nhật ký truy cập',
    intro: 'Mọi lần xem và sửa dữ liệu cá nhân: ai, làm gì, khi nào, từ đâu. Nhật ký được nối chuỗi băm nên mọi sửa, xóa đều bị phát hiện.',
    actor: 'Người thực hiện',
    actorId: 'Mã người dùng',
    entity: 'Đối tượng',
    entityId: 'Mã đối tượng',
    action: 'Thao tác',
    from: 'Từ ngày',
    to: 'Đến ngày',
    apply: 'Lọc',
    reset: 'Xóa bộ lọc',
    seq: 'Số thứ tự',
    at: 'Thời điểm',
    ip: 'Địa chỉ IP',
    fields: 'Trường',
    detail: 'Chi tiết',
    total: '{n} dòng',
    chainOk: 'Chuỗi nhật ký nguyên vẹn',
    chainOkDetail: 'Đã kiểm tra {rows} dòng: không dòng nào bị sửa hay xóa.',
    chainBroken: 'Chuỗi nhật ký đã bị can thiệp',
    altered: 'Dòng bị sửa (số thứ tự): {seqs}',
    missing: 'Thiếu dòng ngay sau (số thứ tự): {seqs}',
    verify: 'Kiểm tra lại chuỗi',
    verifying: 'Đang kiểm tra chuỗi nhật ký…',
    actions: {
      read: 'Xem', search: 'Tìm kiếm', create: 'Tạo', update: 'Sửa', merge: 'Gộp', delete: 'Xóa', login: 'Đăng nhập',
      logout: 'Đăng xuất', login_failed: 'Đăng nhập sai', import: 'Nhập tệp', export: 'Xuất dữ liệu', activate: 'Áp dụng',
    },
    entities: { person: 'Người dân', household: 'Hộ gia đình', hamlet: 'Ấp/khu vực', rule_set: 'Bộ quy tắc', user: 'Người dùng' },
  },
};

/** English text: every key of `vi`. */
export const en: Widen<typeof vi> = {
  menu: {
    audit: 'Access log',
  },
  audit: {
    title: 'Access log',
    intro: 'Every read and change of personal data: who, what, when and from where. The log is hash-chained, so any edit or deletion is detected.',
    actor: 'User',
    actorId: 'User ID',
    entity: 'Entity',
    entityId: 'Entity ID',
    action: 'Action',
    from: 'From',
    to: 'To',
    apply: 'Filter',
    reset: 'Clear filters',
    seq: 'Sequence',
    at: 'When',
    ip: 'IP address',
    fields: 'Fields',
    detail: 'Detail',
    total: '{n} rows',
    chainOk: 'The log chain is intact',
    chainOkDetail: 'Checked {rows} rows: none was changed or deleted.',
    chainBroken: 'The log chain has been tampered with',
    altered: 'Altered rows (sequence): {seqs}',
    missing: 'Rows missing right after (sequence): {seqs}',
    verify: 'Verify the chain again',
    verifying: 'Verifying the log chain…',
    actions: {
      read: 'Read', search: 'Search', create: 'Create', update: 'Update', merge: 'Merge', delete: 'Delete', login: 'Log in',
      logout: 'Log out', login_failed: 'Failed login', import: 'Import', export: 'Export', activate: 'Activate',
    },
    entities: { person: 'Person', household: 'Household', hamlet: 'Hamlet', rule_set: 'Rule set', user: 'User' },
  },
};
