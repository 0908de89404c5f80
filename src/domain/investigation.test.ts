import { describe, expect, it } from 'vitest';
import { completeness, timelinessHours, type InvestigationField } from './investigation';

const fields: InvestigationField[] = [
  { key: 'symptoms', section: 's', labelVi: 'Triệu chứng', labelEn: 'Symptoms', kind: 'text', required: true },
  { key: 'vaccinated', section: 's', labelVi: 'Đã tiêm', labelEn: 'Vaccinated', kind: 'boolean', required: true },
  { key: 'timeline', section: 't', labelVi: 'Lịch trình', labelEn: 'Timeline', kind: 'list', required: true, itemKeys: ['place', 'from'] },
  { key: 'note', section: 'n', labelVi: 'Ghi chú', labelEn: 'Note', kind: 'text', required: false },
];

describe('investigation completeness', () => {
  it('counts only required fields, and list items need their keys', () => {
    expect(completeness(fields, {})).toEqual({ score: 0, missing: ['symptoms', 'vaccinated', 'timeline'] });
    expect(completeness(fields, { symptoms: 'Sốt', vaccinated: false, timeline: [{ place: 'Chợ Xuân Khánh', from: '' }] }).missing).toEqual(['timeline']);
    expect(completeness(fields, { symptoms: 'Sốt', vaccinated: false, timeline: [{ place: 'Chợ Xuân Khánh', from: '2021-09-05T08:00' }] }).score).toBe(1);
  });
  it('measures timeliness in hours', () => {
    expect(timelinessHours(new Date('2021-09-07T01:00:00Z'), new Date('2021-09-07T14:30:00Z'))).toBe(13.5);
  });
});
