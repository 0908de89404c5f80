import { describe, expect, it } from 'vitest';
import { collectFieldPath, collectPayload, pooledPersons, poolTubes, type CollectValues } from './collect-form';

const household = {
  id: '0190a000-0000-7000-8000-000000000001',
  communeCode: '31117',
  hamletCode: null,
  members: Array.from({ length: 12 }, (_, i) => ({ id: `p${i + 1}`, fullName: `Lê Văn ${i + 1}` })),
};

describe('collecting a household pool', () => {
  it('splits the members present and the persons added on the spot into even tubes, in the server order', () => {
    const v: CollectValues = {
      choice: 'pool',
      householdId: household.id,
      present: household.members.slice(1).map((p) => p.id),
      newPersons: [{ fullName: 'Lê Thị Mới', sex: 'female', birthYear: 2000 }],
    };
    const persons = pooledPersons(v, household, (n) => `Người mới ${n}`);
    expect(persons.map((p) => p.name).at(-1)).toBe('Lê Thị Mới');
    expect(poolTubes(persons, 10).map((t) => t.length)).toEqual([6, 6]);
  });

  it('sends the present members first, then the new persons placed in the household, one barcode per tube', () => {
    const v: CollectValues = {
      choice: 'pool',
      householdId: household.id,
      present: ['p2', 'p1'],
      newPersons: [{ fullName: 'Lê Thị Mới', sex: 'female', birthYear: 2000 }],
      barcodes: [' CT-1 ', 'CT-2'],
    };
    const payload = collectPayload(v, { household, sessionCommune: '31117', addingNew: false, tubes: 1, taskId: null });
    expect(payload).toMatchObject({ testType: 'rt_pcr_pooled', kind: 'household_pool', householdId: household.id, barcodes: ['CT-1'] });
    expect(payload.members.slice(0, 2)).toEqual([{ personId: 'p1' }, { personId: 'p2' }]);
    expect(payload.members[2]).toMatchObject({ newPerson: { fullName: 'Lê Thị Mới', communeCode: '31117', householdId: household.id } });
  });
});

describe('a rapid antigen test', () => {
  it('carries the result read on the spot, the symptoms and the task', () => {
    const payload = collectPayload(
      { choice: 'antigen', personId: 'p1', barcodes: ['TN-1'], result: 'positive', symptomatic: true },
      { household: undefined, sessionCommune: '31117', addingNew: false, tubes: 1, taskId: 't1' },
    );
    expect(payload).toMatchObject({
      testType: 'rapid_antigen',
      kind: 'single',
      members: [{ personId: 'p1' }],
      result: 'positive',
      symptomatic: true,
      taskId: 't1',
    });
  });
});

describe('errors under their inputs', () => {
  it('puts a member error on the checkbox list or on the new person it names', () => {
    expect(collectFieldPath(['members', 1], 'pool', 3)).toEqual(['present']);
    expect(collectFieldPath(['members', 3, 'newPerson', 'fullName'], 'pool', 3)).toEqual(['newPersons', 0, 'fullName']);
    expect(collectFieldPath(['members', 0, 'newPerson', 'nationalId'], 'single', 0)).toEqual(['newPerson', 'nationalId']);
    expect(collectFieldPath(['barcodes', 1], 'pool', 3)).toEqual(['barcodes', 1]);
    expect(collectFieldPath(['barcodes'], 'pool', 3)).toEqual(['barcodes', 0]);
    expect(collectFieldPath(['result'], 'antigen', 0)).toEqual(['result']);
    expect(collectFieldPath(['taskId'], 'single', 0)).toBeNull();
  });
});
