import type { Widen } from '@web/app/i18n/catalog';

/** Vietnamese text of API tokens: the first language. {name} marks a value filled in. */
export const vi = {
  menu: {
    tokens: 'Khóa API',
  },
  tokens: {
    title: 'Khóa API',
    intro:
      'Khóa cho hệ thống khác (nền tảng quốc gia, phần mềm phòng xét nghiệm) gọi FHIR, xuất danh sách, gửi kết quả. Khóa hành động thay người cấp và không bao giờ có nhiều quyền hơn người cấp; mỗi lần dùng đều được ghi nhật ký.',
    issue: 'Cấp khóa API',
    issueOk: 'Cấp khóa',
    name: 'Tên (hệ thống dùng khóa)',
    nameHelp: 'Ví dụ: Phần mềm LIS — CDC Cần Thơ',
    permissions: 'Quyền',
    permissionsHelp: 'Chỉ các quyền bạn đang có; quản lý tài khoản và khóa API không cấp cho hệ thống',
    scope: 'Phạm vi',
    scopeHelp: 'Trong phạm vi của bạn: thành phố, quận/huyện hoặc xã/phường',
    expiresOn: 'Dùng đến hết ngày',
    expiresHelp: 'Tối đa một năm kể từ hôm nay',
    issuedBy: 'Người cấp',
    lastUsed: 'Dùng lần cuối',
    neverUsed: 'Chưa dùng',
    status: 'Trạng thái',
    statuses: { active: 'Đang dùng', expired: 'Hết hạn', revoked: 'Đã thu hồi' },
    revoke: 'Thu hồi',
    revokeConfirm: 'Thu hồi khóa «{name}»? Hệ thống đang dùng khóa này bị từ chối ngay.',
    revoked: 'Đã thu hồi khóa «{name}»',
    issued: 'Đã cấp khóa «{name}»',
    onceTitle: 'Khóa API «{name}»',
    onceHelp: 'Khóa chỉ hiển thị một lần. Hãy chép và chuyển cho đơn vị quản lý hệ thống qua kênh an toàn; gửi trong tiêu đề Authorization: Bearer <khóa>.',
    none: 'Chưa cấp khóa API nào',
  },
};

/** English text: every key of `vi`. */
export const en: Widen<typeof vi> = {
  menu: {
    tokens: 'API tokens',
  },
  tokens: {
    title: 'API tokens',
    intro:
      'Tokens for other systems (the national platform, a lab information system) to call FHIR, exports and the results API. A token acts for its issuer and never holds more than they do; every use is in the audit log.',
    issue: 'Issue API token',
    issueOk: 'Issue',
    name: 'Name (system using it)',
    nameHelp: 'For example: LIS — Can Tho CDC',
    permissions: 'Permissions',
    permissionsHelp: 'Only permissions you hold; account and token management are never given to systems',
    scope: 'Scope',
    scopeHelp: 'Within your scope: the city, districts or communes',
    expiresOn: 'Valid through',
    expiresHelp: 'At most one year from today',
    issuedBy: 'Issued by',
    lastUsed: 'Last used',
    neverUsed: 'Never used',
    status: 'Status',
    statuses: { active: 'Active', expired: 'Expired', revoked: 'Revoked' },
    revoke: 'Revoke',
    revokeConfirm: 'Revoke token “{name}”? A system using it is refused at once.',
    revoked: 'Token “{name}” revoked',
    issued: 'Token “{name}” issued',
    onceTitle: 'API token “{name}”',
    onceHelp: 'The token is shown only once. Copy it and hand it over securely; send it as Authorization: Bearer <token>.',
    none: 'No API tokens issued',
  },
};
