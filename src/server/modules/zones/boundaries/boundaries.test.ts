import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@domain/access';
import { newTestApp, type TestApp } from '../../../test/harness';
import { AN_HOA, CAI_KHE, THOI_LAI } from '../../../test/builders';
import { scriptActor, type Actor } from '../../../platform/actor';
import { AppError } from '../../../platform/errors';
import { problemOf } from '../../../platform/problem';
import { boundaryImportBody } from './schemas';
import { BoundariesService } from './service';

let t: TestApp;
let boundaries: BoundariesService;
let admin: Actor;

/** A real user of that role and scope, as the auth layer would hand them to the service. */
async function anActor(role: Role, scopeUnits: string[]): Promise<Actor> {
  const { user } = await t.services.users.create(null, {
    username: `ranh.gioi.${randomBytes(3).toString('hex')}`,
    fullName: 'Người Nhập Ranh Giới',
    role,
    scopeUnits,
    agency: null,
    password: randomBytes(12).toString('hex'),
  });
  return scriptActor(user, role, scopeUnits, t.services.units.resolveScope(scopeUnits));
}

beforeAll(async () => {
  t = await newTestApp();
  boundaries = new BoundariesService(t.db.kysely, t.services.units, t.services.audit);
  admin = await anActor('command_center', ['92']);
});
afterAll(() => t.close());

/** A small closed square of Cần Thơ, the i-th along the river. */
const square = (i: number) => [
  [
    [105.7 + 0.01 * i, 10.0],
    [105.71 + 0.01 * i, 10.0],
    [105.71 + 0.01 * i, 10.01],
    [105.7 + 0.01 * i, 10.01],
    [105.7 + 0.01 * i, 10.0],
  ],
];
const aFeature = (code: unknown, i = 0, geometry: unknown = { type: 'Polygon', coordinates: square(i) }) => ({
  type: 'Feature',
  properties: { code, ten_xa: 'không đọc' },
  geometry,
});
const aFile = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const body = (geojson: unknown, over: Record<string, unknown> = {}) =>
  boundaryImportBody.parse({ provinceCode: '92', validFrom: '2021-07-01', source: 'can-tho-2021.geojson', geojson, ...over });
const threeCommunes = () => aFile(aFeature(CAI_KHE, 0), aFeature(AN_HOA, 1), aFeature(THOI_LAI, 2));

/** What is stored: imports, shapes and audit rows of boundary imports. */
async function stored() {
  const k = t.db.kysely;
  const count = async (q: { executeTakeFirstOrThrow(): Promise<{ n: string | number | bigint }> }) => Number((await q.executeTakeFirstOrThrow()).n);
  return {
    imports: await count(k.selectFrom('boundary_imports').select((eb) => eb.fn.countAll().as('n'))),
    shapes: await count(k.selectFrom('unit_boundaries').select((eb) => eb.fn.countAll().as('n'))),
    audited: await count(
      k
        .selectFrom('audit_log')
        .where('entity', '=', 'unit_boundaries')
        .select((eb) => eb.fn.countAll().as('n')),
    ),
  };
}

/** The refusal of an import: its field errors, and that nothing was stored by it. */
async function refusalOf(request: () => Promise<unknown>) {
  const before = await stored();
  const err = await request().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect(await stored()).toEqual(before);
  return err as AppError;
}

const codesOn = async (day: string) => (await boundaries.forMap('92', day))?.features.map((f) => f.properties.code) ?? null;

describe('commune boundaries (GeoJSON per province)', () => {
  it('stores a valid file of three communes of Cần Thơ and lists the communes it has no shape for', async () => {
    const report = await boundaries.import(admin, body(threeCommunes()));
    expect(report).toMatchObject({ provinceCode: '92', validFrom: '2021-07-01', features: 3 });
    expect(report.communesWithout).toHaveLength(83 - 3);
    expect(report.communesWithout.map((c) => c.code)).not.toEqual(expect.arrayContaining([expect.stringMatching(/^(31117|31120|31258)$/)]));
    expect(report.communesWithout.map((c) => c.code)).toEqual([...report.communesWithout.map((c) => c.code)].sort());
    expect(report.communesWithout[0]).toEqual({ code: '31123', name: expect.any(String) });

    const map = await boundaries.forMap('92', '2021-07-01');
    expect(map?.features.map((f) => f.properties)).toEqual([
      { code: CAI_KHE, name: 'Phường Cái Khế' },
      { code: AN_HOA, name: 'Phường An Hòa' },
      { code: THOI_LAI, name: 'Thị trấn Thới Lai' },
    ]);
    expect(map?.features[0].geometry).toEqual({ type: 'Polygon', coordinates: square(0) });
    expect(await stored()).toEqual({ imports: 1, shapes: 3, audited: 1 });
    const audit = await t.db.kysely.selectFrom('audit_log').selectAll().where('entity', '=', 'unit_boundaries').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'import', actor_id: admin.id, detail: expect.objectContaining({ provinceCode: '92', features: 3, replaced: null }) });
  });

  it('the same file again changes nothing and answers the same', async () => {
    const first = await boundaries.import(admin, body(threeCommunes()));
    const before = await stored();
    const at = await t.db.kysely.selectFrom('boundary_imports').select('imported_at').executeTakeFirstOrThrow();
    expect(await boundaries.import(admin, body(threeCommunes()))).toEqual(first);
    expect(await stored()).toEqual(before);
    expect(await t.db.kysely.selectFrom('boundary_imports').select('imported_at').executeTakeFirstOrThrow()).toEqual(at);
  });

  it('refuses text that is not GeoJSON, naming the field', async () => {
    for (const geojson of ['không phải GeoJSON', { type: 'Feature', geometry: null }, undefined]) {
      const err = await refusalOf(() => boundaries.import(admin, body(geojson)));
      expect(err.errors).toEqual([
        { field: 'geojson', code: 'zones.boundary_not_geojson', message: 'Tệp không phải GeoJSON: cần một FeatureCollection có danh sách features' },
      ]);
    }
    const empty = await refusalOf(() => boundaries.import(admin, body(aFile())));
    expect(empty.errors).toEqual([{ field: 'geojson.features', code: 'zones.boundary_empty', message: 'Tệp GeoJSON không có đối tượng (feature) nào' }]);
  });

  it('refuses a Point and a NaN coordinate, naming each feature, and the user reads the first in Vietnamese', async () => {
    const nan = square(2);
    nan[0][2] = [Number.NaN, 10.01];
    const file = aFile(
      aFeature(CAI_KHE, 0),
      aFeature(AN_HOA, 1, { type: 'Point', coordinates: [105.75, 10.03] }),
      aFeature(THOI_LAI, 2, { type: 'Polygon', coordinates: nan }),
    );
    const err = await refusalOf(() => boundaries.import(admin, body(file)));
    expect(err.errors).toEqual([
      {
        field: 'geojson.features.1.geometry',
        code: 'zones.boundary_geometry',
        message: 'Đối tượng thứ 2 (mã 31120): hình phải là Polygon hoặc MultiPolygon, tệp ghi Point',
      },
      {
        field: 'geojson.features.2.geometry.coordinates.0.2',
        code: 'zones.boundary_coordinates',
        message: 'Đối tượng thứ 3 (mã 31258): tọa độ coordinates[0][2] không hợp lệ, cần [kinh độ, vĩ độ] là số (kinh độ từ -180 đến 180, vĩ độ từ -90 đến 90)',
      },
    ]);
    expect(problemOf(err, 'vi')).toMatchObject({
      status: 400,
      title: 'Dữ liệu không hợp lệ',
      code: 'zones.boundary_geometry',
      field: 'geojson.features.1.geometry',
      detail: 'Đối tượng thứ 2 (mã 31120): hình phải là Polygon hoặc MultiPolygon, tệp ghi Point',
    });
  });

  it('refuses swapped axes, an open ring and a feature that is not one', async () => {
    const swapped = {
      type: 'MultiPolygon',
      coordinates: [
        square(0),
        [
          [
            [10.0, 105.7],
            [10.0, 105.71],
            [10.01, 105.71],
            [10.0, 105.7],
          ],
        ],
      ],
    };
    const open = { type: 'Polygon', coordinates: [square(1)[0].slice(0, 4)] };
    const err = await refusalOf(() => boundaries.import(admin, body(aFile(aFeature(CAI_KHE, 0, swapped), aFeature(AN_HOA, 1, open), 'xã Thới Lai'))));
    expect(err.errors?.map((e) => [e.field, e.message])).toEqual([
      [
        'geojson.features.0.geometry.coordinates.1.0.0',
        'Đối tượng thứ 1 (mã 31117): tọa độ coordinates[1][0][0] không hợp lệ, cần [kinh độ, vĩ độ] là số (kinh độ từ -180 đến 180, vĩ độ từ -90 đến 90)',
      ],
      [
        'geojson.features.1.geometry.coordinates.0',
        'Đối tượng thứ 2 (mã 31120): vòng coordinates[0] của đa giác phải có ít nhất 4 điểm và khép kín (điểm cuối trùng điểm đầu)',
      ],
      ['geojson.features.2', 'Đối tượng thứ 3 không phải một Feature của GeoJSON'],
    ]);
  });

  it('refuses unknown codes, a code of another province, a district and a code twice, listing every bad feature', async () => {
    const file = aFile(
      aFeature(CAI_KHE, 0),
      aFeature('99999', 1),
      aFeature('01834', 2), // Phường Nguyễn Thị Minh Khai, Bắc Kạn
      aFeature('916', 3),
      aFeature(CAI_KHE, 4),
      aFeature(null, 5),
    );
    const err = await refusalOf(() => boundaries.import(admin, body(file)));
    expect(err.errors).toEqual([
      {
        field: 'geojson.features.1.properties.code',
        code: 'zones.boundary_code_unknown',
        message: 'Đối tượng thứ 2: mã 99999 không tồn tại hoặc không còn hiệu lực vào ngày 01/07/2021',
      },
      {
        field: 'geojson.features.2.properties.code',
        code: 'zones.boundary_code_province',
        message: 'Đối tượng thứ 3: mã 01834 (Phường Nguyễn Thị Minh Khai) thuộc Tỉnh Bắc Kạn, không thuộc Thành phố Cần Thơ',
      },
      {
        field: 'geojson.features.3.properties.code',
        code: 'zones.boundary_code_level',
        message: 'Đối tượng thứ 4: mã 916 là Quận Ninh Kiều, không phải xã/phường/thị trấn',
      },
      { field: 'geojson.features.4.properties.code', code: 'zones.boundary_code_twice', message: 'Đối tượng thứ 5: mã 31117 đã có ở đối tượng thứ 1' },
      {
        field: 'geojson.features.5.properties.code',
        code: 'zones.boundary_code_missing',
        message: 'Đối tượng thứ 6: thiếu mã xã/phường trong thuộc tính code',
      },
    ]);
  });

  it('matches codes on the day the file applies from: before the units existed every code is unknown', async () => {
    const err = await refusalOf(() => boundaries.import(admin, body(aFile(aFeature(CAI_KHE)), { validFrom: '2020-06-01' })));
    expect(err).toMatchObject({ code: 'validation.unit_unknown', field: 'provinceCode' });
  });

  it('reads the code from the property named, numbers included (a shapefile’s MA_XA)', async () => {
    const file = aFile({ type: 'Feature', properties: { MA_XA: 31117 }, geometry: { type: 'Polygon', coordinates: square(0) } });
    const report = await boundaries.import(admin, body(file, { validFrom: '2021-03-01', codeProperty: 'MA_XA' }));
    expect(report.features).toBe(1);
    expect(await codesOn('2021-03-01')).toEqual([CAI_KHE]);
    const missing = await refusalOf(() => boundaries.import(admin, body(file, { validFrom: '2021-03-01', codeProperty: 'ma_xa' })));
    expect(missing.errors?.map((e) => [e.field, e.message])).toEqual([
      ['geojson.features.0.properties.ma_xa', 'Đối tượng thứ 1: thiếu mã xã/phường trong thuộc tính ma_xa'],
    ]);
  });

  it('a refused file leaves the boundaries in force as they were; another file for the same day replaces them', async () => {
    const before = await codesOn('2021-07-01');
    await refusalOf(() => boundaries.import(admin, body(aFile(aFeature(AN_HOA, 0), aFeature('99999', 1)))));
    expect(await codesOn('2021-07-01')).toEqual(before);

    const report = await boundaries.import(admin, body(aFile(aFeature(AN_HOA, 0), aFeature(THOI_LAI, 1)), { source: 'can-tho-2021-sua.geojson' }));
    expect(report.features).toBe(2);
    expect(report.communesWithout.map((c) => c.code)).toContain(CAI_KHE);
    expect(await codesOn('2021-07-01')).toEqual([AN_HOA, THOI_LAI]);
  });

  it('the map of a day draws the latest import applying on or before it', async () => {
    await boundaries.import(admin, body(aFile(aFeature(THOI_LAI, 0)), { validFrom: '2021-09-01' }));
    expect(await codesOn('2021-02-28')).toBeNull();
    expect(await codesOn('2021-03-01')).toEqual([CAI_KHE]);
    expect(await codesOn('2021-08-31')).toEqual([AN_HOA, THOI_LAI]);
    expect(await codesOn('2021-09-01')).toEqual([THOI_LAI]);
    expect(await codesOn('2021-12-31')).toEqual([THOI_LAI]);
    expect(await boundaries.forMap('06', '2021-09-01')).toBeNull();
  });

  it('a user without the province in scope is refused', async () => {
    const bacKan = await anActor('command_center', ['06']);
    const err = await refusalOf(() => boundaries.import(bacKan, body(threeCommunes())));
    expect(err).toMatchObject({ code: 'validation.unit_out_of_scope', status: 403, field: 'provinceCode' });
  });
});
