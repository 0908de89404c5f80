import { describe, expect, it } from 'vitest';
import { districtLabels, tileLayout, type Feature, type LayoutUnit } from './tile-layout';

/** 83 communes in 9 districts of uneven size, listed out of code order. */
function aCity(): LayoutUnit[] {
  const sizes = [13, 10, 10, 9, 9, 9, 8, 8, 7];
  const units = sizes.flatMap((n, d) =>
    Array.from({ length: n }, (_, i) => ({
      code: `${26700 + d * 20 + i}`,
      name: `Phường ${d + 1}.${i + 1}`,
      districtCode: `${760 + d}`,
      districtName: `Quận ${d + 1}`,
    })),
  );
  return units.reverse();
}

const box = (f: Feature) => {
  if (f.geometry.type !== 'Polygon') throw new Error('a tile is a polygon');
  const ring = f.geometry.coordinates[0];
  const xs = ring.map(([x]) => x);
  const ys = ring.map(([, y]) => y);
  return { minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(...ys), maxY: Math.max(...ys) };
};
type Box = ReturnType<typeof box>;
const overlap = (a: Box, b: Box) => a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;
const union = (boxes: Box[]) => ({
  minX: Math.min(...boxes.map((b) => b.minX)),
  maxX: Math.max(...boxes.map((b) => b.maxX)),
  minY: Math.min(...boxes.map((b) => b.minY)),
  maxY: Math.max(...boxes.map((b) => b.maxY)),
});

describe('tileLayout', () => {
  it('draws one closed unit square per commune, named by its code, name and district', () => {
    const units = aCity();
    const layout = tileLayout(units);
    expect(layout.type).toBe('FeatureCollection');
    expect(layout.features).toHaveLength(83);
    expect(new Set(layout.features.map((f) => f.properties.code))).toEqual(new Set(units.map((u) => u.code)));
    const first = layout.features.find((f) => f.properties.code === '26700')!;
    expect(first.properties).toEqual({ code: '26700', name: 'Phường 1.1', district: 'Quận 1' });
    for (const f of layout.features) {
      const b = box(f);
      expect([b.maxX - b.minX, b.maxY - b.minY]).toEqual([1, 1]);
      if (f.geometry.type === 'Polygon') expect(f.geometry.coordinates[0].at(-1)).toEqual(f.geometry.coordinates[0][0]);
    }
  });

  it('never puts two tiles on top of each other', () => {
    const boxes = tileLayout(aCity()).features.map(box);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i], boxes[j])).toBe(false);
  });

  it("keeps each district's communes in one block, apart from every other block, in code order", () => {
    const layout = tileLayout(aCity());
    const byDistrict = new Map<string, Feature[]>();
    for (const f of layout.features) byDistrict.set(f.properties.district!, [...(byDistrict.get(f.properties.district!) ?? []), f]);
    expect(byDistrict.size).toBe(9);
    const blocks = [...byDistrict.values()].map((fs) => union(fs.map(box)));
    for (let i = 0; i < blocks.length; i++) for (let j = i + 1; j < blocks.length; j++) expect(overlap(blocks[i], blocks[j])).toBe(false);
    // first row of blocks: Quận 1, 2, 3 left to right; Quận 4 starts the next row below
    const [q1, q2, q3, q4] = blocks;
    expect(q1.maxX < q2.minX && q2.maxX < q3.minX).toBe(true);
    expect(q4.maxY < q1.minY).toBe(true);
    // inside a block, communes run left to right, then down
    const q1Tiles = byDistrict.get('Quận 1')!.map((f) => ({ code: f.properties.code, ...box(f) }));
    const reading = [...q1Tiles].sort((a, b) => b.maxY - a.maxY || a.minX - b.minX).map((t) => t.code);
    expect(reading).toEqual(q1Tiles.map((t) => t.code).sort());
  });

  it('gives the same layout whatever the order of the units', () => {
    const units = aCity();
    expect(tileLayout(units)).toEqual(tileLayout([...units].reverse()));
    expect(JSON.stringify(tileLayout(units))).toBe(JSON.stringify(tileLayout(aCity())));
  });

  it('lays out a single commune, and nothing at all', () => {
    const one = tileLayout([{ code: '26734', name: 'Phường Tân Định', districtCode: '760', districtName: 'Quận 1' }]);
    expect(one.features).toHaveLength(1);
    expect(box(one.features[0])).toEqual({ minX: 0, maxX: 1, minY: -2.5, maxY: -1.5 });
    expect(tileLayout([]).features).toEqual([]);
  });
});

describe('districtLabels', () => {
  it("puts each district's name on the middle of its block's top edge", () => {
    const layout = tileLayout(aCity());
    const labels = districtLabels(layout);
    expect(labels.map((l) => l.name)).toEqual(Array.from({ length: 9 }, (_, d) => `Quận ${d + 1}`));
    const q1 = union(layout.features.filter((f) => f.properties.district === 'Quận 1').map(box));
    const [x, y] = labels[0].coord;
    expect(x).toBe((q1.minX + q1.maxX) / 2);
    expect(y).toBe(q1.maxY);
    // never inside a tile
    for (const f of layout.features) {
      const b = box(f);
      for (const l of labels) expect(l.coord[0] > b.minX && l.coord[0] < b.maxX && l.coord[1] > b.minY && l.coord[1] < b.maxY).toBe(false);
    }
  });
});
