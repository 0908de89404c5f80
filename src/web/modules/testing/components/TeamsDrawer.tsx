import { useState } from 'react';
import { Button, Drawer, Empty, List, Tag } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import { useIsPhone } from '@web/ui/useIsPhone';
import { QueryError } from '@web/ui/QueryError';
import { UnitName } from '@web/modules/geography/components/UnitName';
import { useTeams, type TeamView } from '../hooks/useTeams';
import { TeamForm } from './TeamForm';

/** The commune's sampling teams: the list, and a form to add one or change one (name, members, active). */
export function TeamsDrawer({ communeCode, canEdit, onClose }: { communeCode: string; canEdit: boolean; onClose(): void }) {
  const { m } = useI18n();
  const s = m.sampling;
  const phone = useIsPhone();
  const teams = useTeams(communeCode);
  const [editing, setEditing] = useState<TeamView | 'new' | null>(null);
  const title =
    editing === 'new' ? (
      s.addTeam
    ) : editing ? (
      fill(s.editTeam, { name: editing.name })
    ) : (
      <>
        {s.teams} · <UnitName code={communeCode} />
      </>
    );
  return (
    <Drawer open title={title} onClose={onClose} width={phone ? '100%' : 480} data-testid="teams-drawer">
      {editing ? (
        <TeamForm
          key={editing === 'new' ? 'new' : editing.id}
          team={editing === 'new' ? undefined : editing}
          communeCode={communeCode}
          onDone={() => setEditing(null)}
        />
      ) : (
        <>
          {teams.error ? (
            <QueryError error={teams.error} onRetry={() => void teams.refetch()} />
          ) : (
            <List
              loading={teams.isPending}
              dataSource={teams.data ?? []}
              locale={{ emptyText: <Empty description={s.noTeams} /> }}
              renderItem={(t) => (
                <List.Item
                  actions={
                    canEdit ? [<Button key="edit" icon={<EditOutlined />} aria-label={fill(s.editTeam, { name: t.name })} onClick={() => setEditing(t)} />] : []
                  }
                >
                  <List.Item.Meta
                    title={
                      <>
                        {t.name} {t.active ? null : <Tag>{s.inactive}</Tag>}
                      </>
                    }
                    description={
                      t.members.length ? t.members.map((x) => (x.phone ? `${x.fullName} (${x.phone})` : x.fullName)).join(', ') : fill(s.membersCount, { n: 0 })
                    }
                  />
                </List.Item>
              )}
            />
          )}
          {canEdit ? (
            <Button type="primary" block icon={<PlusOutlined />} onClick={() => setEditing('new')} style={{ marginTop: 16 }} data-testid="team-add">
              {s.addTeam}
            </Button>
          ) : null}
        </>
      )}
    </Drawer>
  );
}
