import { defineContract } from '@domain/contract';

/** The people module's permissions and error codes. */
export const peopleContract = defineContract({
  name: 'people',
  permissions: {
    'people.read': 'Xem người dân và hộ gia đình trong phạm vi',
    'people.write': 'Thêm, sửa người dân và hộ gia đình',
    'people.merge': 'Gộp hồ sơ trùng',
  },
  errors: {
    'people.person_not_found': { vi: 'Không tìm thấy người này', en: 'Person not found' },
    'people.household_not_found': { vi: 'Không tìm thấy hộ gia đình', en: 'Household not found' },
    'people.national_id_taken': {
      vi: 'Số định danh {nationalId} đã có trong hồ sơ của {fullName}',
      en: 'National ID {nationalId} already belongs to {fullName}',
    },
    'people.national_id_taken_elsewhere': {
      vi: 'Số định danh {nationalId} đã có trong hồ sơ ở đơn vị khác; liên hệ cấp trên để chuyển hồ sơ',
      en: 'National ID {nationalId} already belongs to a record in another unit; ask your superior to transfer it',
    },
    'people.version_conflict': { vi: 'Hồ sơ đã được người khác sửa, vui lòng tải lại', en: 'The record was changed by someone else; reload it' },
    'people.merge_same': { vi: 'Không thể gộp một người với chính người đó', en: 'Cannot merge a person with itself' },
    'people.merged': { vi: 'Hồ sơ này đã được gộp vào hồ sơ khác', en: 'This record was merged into another one' },
    'people.household_commune': { vi: 'Hộ gia đình thuộc xã/phường khác với người này', en: 'The household is in another commune' },
  },
});
