import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Space, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { RoomInput } from '@server/modules/quarantine/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import { roomSeries } from '../room-series';

/** The rooms of a new facility: one by one, or a numbered series at once (area A, A101 … A110, 4 beds each). */
export function RoomsField({ form }: { form: FormInstance }) {
  const { m, num } = useI18n();
  const k = m.facilityForm;
  const rooms: Partial<RoomInput>[] = Form.useWatch('rooms', form) ?? [];
  const beds = rooms.reduce((n, r) => n + (r?.beds ?? 0), 0);
  const append = (more: RoomInput[]) => form.setFieldValue('rooms', [...(form.getFieldValue('rooms') ?? []), ...more]);
  return (
    <>
      <RoomSeriesAdder onAdd={append} />
      <Form.List name="rooms">
        {(fields, { add, remove }) => (
          <div>
            {fields.map((f) => (
              <Space key={f.key} align="start" wrap={false} style={{ display: 'flex', marginBottom: 4 }}>
                <Form.Item name={[f.name, 'area']} style={{ marginBottom: 4 }}>
                  <Input aria-label={k.area} placeholder={k.area} maxLength={60} style={{ width: 90 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'code']} style={{ marginBottom: 4 }}>
                  <Input aria-label={k.code} placeholder={k.code} maxLength={30} style={{ width: 110 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'beds']} style={{ marginBottom: 4 }}>
                  <InputNumber aria-label={k.beds} placeholder={k.beds} min={1} max={200} precision={0} style={{ width: 90 }} />
                </Form.Item>
                <Button type="text" aria-label={k.removeRoom} icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
              <Button icon={<PlusOutlined />} onClick={() => add({ area: rooms[rooms.length - 1]?.area ?? '', beds: 4 })}>
                {k.addRoom}
              </Button>
              <span data-testid="rooms-total">{fill(k.total, { rooms: num(rooms.length), beds: num(beds) })}</span>
            </Space>
          </div>
        )}
      </Form.List>
    </>
  );
}

function RoomSeriesAdder({ onAdd }: { onAdd(rooms: RoomInput[]): void }) {
  const { m } = useI18n();
  const k = m.facilityForm;
  const [area, setArea] = useState('A');
  const [first, setFirst] = useState('A101');
  const [count, setCount] = useState<number | null>(10);
  const [beds, setBeds] = useState<number | null>(4);
  const series = area.trim() && first.trim() && count && beds ? roomSeries(area, first, count, beds) : [];
  return (
    <Card size="small" title={k.quickTitle} style={{ marginBottom: 12 }}>
      <Space wrap align="end">
        <label>
          <div>{k.area}</div>
          <Input value={area} onChange={(e) => setArea(e.target.value)} maxLength={60} style={{ width: 90 }} />
        </label>
        <label>
          <div>{k.quickFirst}</div>
          <Input value={first} onChange={(e) => setFirst(e.target.value)} maxLength={30} style={{ width: 110 }} />
        </label>
        <label>
          <div>{k.quickCount}</div>
          <InputNumber value={count} onChange={setCount} min={1} max={500} precision={0} style={{ width: 90 }} />
        </label>
        <label>
          <div>{k.quickBeds}</div>
          <InputNumber value={beds} onChange={setBeds} min={1} max={200} precision={0} style={{ width: 90 }} />
        </label>
        <Button
          disabled={!series.length}
          onClick={() => {
            onAdd(series);
            // the next series starts after this one, so a second click adds new rooms, not the same codes again
            setFirst(roomSeries(area, first, series.length + 1, 1)[series.length].code);
          }}
        >
          {fill(k.quickAdd, { n: series.length })}
        </Button>
      </Space>
      {series.length ? (
        <div style={{ color: 'rgba(0,0,0,0.55)', marginTop: 6 }}>
          {fill(k.quickPreview, { first: series[0].code, last: series[series.length - 1].code, beds: beds ?? 0 })}
        </div>
      ) : null}
    </Card>
  );
}
