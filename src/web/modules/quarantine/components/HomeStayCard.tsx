import { Button, Card, Space, Tag } from 'antd';
import { HeartOutlined } from '@ant-design/icons';
import { daysBetween } from '@domain/dates';
import type { HomeList } from '@server/modules/quarantine/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';

type HomeRow = HomeList['stays'][number];

/** A person at home as the commune team sees them on a phone: who, which day of how many, the last check, what is missing. */
export function HomeStayCard({ stay, day, onCheck }: { stay: HomeRow; day: string; onCheck(): void }) {
  const { m, num, date } = useI18n();
  const k = m.homeCare;
  const c = stay.lastCheck;
  const total = daysBetween(stay.startedOn, stay.lastDay) + 1;
  const n = Math.min(total, Math.max(1, daysBetween(stay.startedOn, day) + 1));
  return (
    <Card
      size="small"
      data-testid="home-stay"
      style={{ borderColor: stay.urgent ? '#cf1322' : undefined, height: '100%' }}
      title={
        <span>
          {stay.personName} {stay.birthYear ? <span style={{ fontWeight: 400 }}>({stay.birthYear})</span> : null}
        </span>
      }
      extra={<Tag>{fill(k.dayOf, { n, total })}</Tag>}
      actions={[
        <Button key="check" type={stay.checkedToday ? 'default' : 'primary'} icon={<HeartOutlined />} onClick={onCheck} block>
          {k.checkToday}
        </Button>,
      ]}
    >
      <div>
        {`${m.quarantine.classes[stay.exposureClass] ?? stay.exposureClass} · ${m.quarantine.reasons[stay.reason]}`}
        <span style={{ color: 'rgba(0,0,0,0.55)' }}>{` · ${date(stay.startedOn)}–${date(stay.lastDay)}`}</span>
      </div>
      <div style={{ margin: '6px 0' }}>
        {c ? fill(k.lastCheck, { temperature: num(c.temperature), spo2: num(c.spo2), day: date(c.day) }) : <em>{k.noCheck}</em>}
      </div>
      <Space size={[4, 4]} wrap>
        {stay.urgent ? (
          <Tag color="red" style={{ fontWeight: 600 }}>
            {k.urgent}
          </Tag>
        ) : null}
        {!stay.checkedToday ? <Tag color="orange">{k.notToday}</Tag> : null}
        {stay.missedDays > 0 ? <Tag color="volcano">{fill(k.missed, { n: num(stay.missedDays) })}</Tag> : null}
      </Space>
    </Card>
  );
}
