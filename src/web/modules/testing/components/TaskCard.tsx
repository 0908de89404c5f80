import type { ReactNode } from 'react';
import { Card, Space, Tag, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { vnDay } from '@domain/dates';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import type { TaskView } from '../hooks/useTasks';

const KIND_COLORS: Record<TaskView['kind'], string> = { recollect: 'volcano', confirm_rtpcr: 'red', retest_stored: 'purple' };

/** One person to sample again: who, why, by when, from which tube; the action below (collect). */
export function TaskCard({ task, note, action }: { task: TaskView; note?: ReactNode; action?: ReactNode }) {
  const { m, date } = useI18n();
  const s = m.sampling;
  const p = task.person;
  const overdue = task.dueOn < vnDay();
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid="task-card">
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {p?.fullName ?? m.common.none}
          {p?.birthYear ? <Typography.Text type="secondary"> ({p.birthYear})</Typography.Text> : null}
        </Typography.Text>
        <Tag color={KIND_COLORS[task.kind]} style={{ whiteSpace: 'normal' }}>
          {s.taskKinds[task.kind]}
        </Tag>
        <Typography.Text type="secondary">
          {fill(s.dueOn, { date: date(task.dueOn) })}
          {overdue ? (
            <Tag color="red" style={{ marginLeft: 8 }}>
              {s.overdue}
            </Tag>
          ) : null}
          {' · '}
          {fill(s.fromTube, { barcode: task.sourceBarcode })}
        </Typography.Text>
        {p?.phone ? (
          <a href={`tel:${p.phone}`}>
            <PhoneOutlined /> {p.phone}
          </a>
        ) : null}
        {task.collectedBarcode ? (
          <Tag color="blue" data-testid="task-collected">
            {s.collectedForTask} · {task.collectedBarcode}
          </Tag>
        ) : (
          note
        )}
        {task.collectedBarcode ? null : action}
      </Space>
    </Card>
  );
}
