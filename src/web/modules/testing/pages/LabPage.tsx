import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Empty, Form, Select, Tabs } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { Page } from '@web/ui/Page';
import { QueryError } from '@web/ui/QueryError';
import { ReceivePanel } from '../components/ReceivePanel';
import { ResultEntry } from '../components/ResultEntry';
import { useLabs } from '../hooks/useLabs';

const LAB_KEY = 'tc.lab';
type Tab = 'receive' | 'results';

function savedLab(): string | null {
  try {
    return localStorage.getItem(LAB_KEY);
  } catch {
    return null;
  }
}

/** The lab's desk: shipments awaiting intake (received by scanning) and result entry tube by tube. ?lab=&tab= */
export function LabPage() {
  const { can } = useAuth();
  const { m } = useI18n();
  const l = m.lab;
  const [params, setParams] = useSearchParams();
  const labs = useLabs();
  const active = (labs.data ?? []).filter((x) => x.active);
  const labId = params.get('lab') ?? undefined;
  const tab: Tab = params.get('tab') === 'results' ? 'results' : 'receive';

  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes))
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    setParams(next, { replace: true });
  }

  // The lab chosen last time on this device, or the only one.
  useEffect(() => {
    if (labId || !labs.data) return;
    const saved = savedLab();
    const pick = active.find((x) => x.id === saved) ?? (active.length === 1 ? active[0] : undefined);
    if (pick) update({ lab: pick.id });
  }, [labs.data]);

  const chooseLab = (id: string) => {
    try {
      localStorage.setItem(LAB_KEY, id);
    } catch {
      // private mode: the choice lasts for this page only
    }
    update({ lab: id });
  };

  const extra = can('testing.manage') ? (
    <Link to={paths.labs}>
      <Button icon={<SettingOutlined />}>{l.labs}</Button>
    </Link>
  ) : null;
  return (
    <Page title={l.title} crumbs={[{ title: l.title }]} extra={extra}>
      {labs.error ? (
        <QueryError error={labs.error} onRetry={() => void labs.refetch()} />
      ) : (
        <Form layout="vertical" name="lab-choice" onSubmitCapture={(e) => e.preventDefault()}>
          <div className="tc-filters">
            <Form.Item label={l.chooseLab} htmlFor="lab-choice" style={{ marginBottom: 0 }}>
              <Select
                id="lab-choice"
                value={labId}
                onChange={chooseLab}
                loading={labs.isPending}
                placeholder={l.chooseLabHint}
                options={active.map((x) => ({ value: x.id, label: x.name }))}
              />
            </Form.Item>
          </div>
        </Form>
      )}
      {!labId ? (
        <Empty description={active.length || labs.isPending ? l.chooseLabHint : l.noLabs} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(key) => update({ tab: key === 'results' ? 'results' : null })}
          destroyOnHidden
          items={[
            { key: 'receive', label: l.tabReceive, children: <ReceivePanel labId={labId} /> },
            { key: 'results', label: l.tabResults, children: <ResultEntry /> },
          ]}
        />
      )}
    </Page>
  );
}
