import { describe, expect, it } from 'vitest';
import { personInput } from '@server/modules/people/schemas';
import { CATALOGS } from '@web/app/i18n/messages';
import { ApiError } from './api';
import { pathOf, problemFieldErrors, requiredMessage, splitProblem, zodFieldErrors } from './form-errors';

const { vi, en } = CATALOGS;
const labels: Record<string, string> = {
  fullName: 'Họ và tên',
  sex: 'Giới tính',
  communeCode: 'Xã/phường/thị trấn',
  nationalId: 'Số CCCD/CMND',
  birthYear: 'Năm sinh',
  birthDate: 'Ngày sinh',
};
const labelOf = (p: (string | number)[]) => labels[String(p[p.length - 1])] ?? String(p[p.length - 1]);

describe('form errors', () => {
  it('turns a server field path into a form name path', () => {
    expect(pathOf('members.1.nationalId')).toEqual(['members', 1, 'nationalId']);
  });

  it('translates the shared schema codes and names missing fields by their label', () => {
    const input = { fullName: 'X', birthDate: '31/02/2021', nationalId: '12345', communeCode: undefined, sex: undefined };
    const parsed = personInput.safeParse(input);
    expect(parsed.success).toBe(false);
    const errors = zodFieldErrors(parsed.error!, input, 'vi', vi, labelOf);
    const at = (field: string) => errors.find((e) => e.name.join('.') === field)?.errors[0];
    expect(at('fullName')).toBe('Họ và tên phải có từ 2 đến 100 ký tự chữ');
    expect(at('birthDate')).toBe(vi.validation.date);
    expect(at('nationalId')).toBe('Số định danh phải là CCCD 12 chữ số hoặc CMND 9 chữ số');
    expect(at('communeCode')).toBe('Vui lòng nhập xã/phường/thị trấn');
    expect(at('sex')).toBe('Vui lòng chọn giới tính');
  });

  it('speaks English when asked', () => {
    const input = { fullName: 'Nguyễn Văn A', birthYear: 1980, sex: 'male', communeCode: '31117', nationalId: '092080123456', phone: '123' };
    const parsed = personInput.safeParse(input);
    const errors = zodFieldErrors(parsed.error!, input, 'en', en, labelOf);
    expect(errors).toEqual([{ name: ['phone'], errors: ['Invalid Vietnamese mobile number (10 digits, e.g. 0912345678)'] }]);
    expect(requiredMessage(en, 'Full name')).toBe('Please enter full name');
  });

  it('puts problem+json errors back on the member fields they name', () => {
    const problem = {
      title: 't',
      status: 409,
      code: 'people.national_id_taken',
      detail: 'Số định danh 092080123456 đã có trong hồ sơ của Phạm Minh Tuấn',
      field: 'members.1.nationalId',
    };
    expect(problemFieldErrors(problem)).toEqual([{ name: ['members', 1, 'nationalId'], errors: [problem.detail] }]);
    const split = splitProblem(new ApiError(409, problem), ['members', 'address'], vi, 'vi');
    expect(split).toEqual({ fields: [{ name: ['members', 1, 'nationalId'], errors: [problem.detail] }], general: null });
    const elsewhere = splitProblem(new ApiError(409, { ...problem, field: 'version' }), ['members'], vi, 'vi');
    expect(elsewhere).toEqual({ fields: [], general: problem.detail });
  });
});

describe('clearing messages', () => {
  it('finds the changed member field in a sparse list change', async () => {
    const { clearChangedErrors } = await import('./form-errors');
    const cleared: unknown[] = [];
    const form = {
      getFieldsError: () => [
        { name: ['members', 1, 'fullName'], errors: ['x'] },
        { name: ['address'], errors: ['y'] },
      ],
      setFields: (f: unknown[]) => cleared.push(...f),
    };
    clearChangedErrors(form as never, { members: [undefined, { fullName: 'A' }] });
    expect(cleared).toEqual([{ name: ['members', 1, 'fullName'], errors: [] }]);
  });
});
