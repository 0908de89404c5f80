import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { App, Button, Card, Descriptions, Input, Modal, Space, Tabs, Tag } from 'antd';
import { EditOutlined, StopOutlined } from '@ant-design/icons';
import type { CaseView } from '@server/modules/cases/schemas';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { errorMessage } from '@web/lib/form-errors';
import { Page } from '@web/ui/Page';
import { PageSpinner } from '@web/ui/PageSpinner';
import { QueryError } from '@web/ui/QueryError';
import { UnitName } from '@web/modules/geography/components/UnitName';
import { CaseCourseDialog } from '../components/CaseCourseDialog';
import { ChainTab } from '../components/ChainTab';
import { ContactsTab } from '../components/ContactsTab';
import { InvestigationTab } from '../components/InvestigationTab';
import { PersonLink } from '../components/PersonLink';
import { useCase, useWithdrawCase } from '../hooks/useCases';

/** One case: its header (with withdrawal), the investigation form, the contacts and the transmission chain. */
export function CasePage() {
  const { id } = useParams();
  const { m } = useI18n();
  const { data, error, isPending, refetch } = useCase(id);
  if (isPending) return <PageSpinner />;
  if (error) {
    return (
      <Page title={m.cases.title} crumbs={[{ title: m.cases.title, to: paths.cases }]}>
        <QueryError error={error} onRetry={() => void refetch()} />
      </Page>
    );
  }
  return <CaseDetail kase={data} />;
}

function CaseDetail({ kase }: { kase: CaseView }) {
  const { can } = useAuth();
  const { m, date, dateTime } = useI18n();
  const c = m.cases;
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'investigation';
  const [withdrawing, setWithdrawing] = useState(false);
  const [editing, setEditing] = useState(false);
  const canWrite = can('cases.write') && kase.status === 'active';
  const none = m.common.none;

  const extra = canWrite ? (
    <Space wrap>
      <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="case-edit-course">
        {c.editCourse}
      </Button>
      <Button danger icon={<StopOutlined />} onClick={() => setWithdrawing(true)} data-testid="case-withdraw">
        {c.withdraw}
      </Button>
    </Space>
  ) : null;

  return (
    <Page title={kase.caseCode} crumbs={[{ title: c.title, to: paths.cases }, { title: kase.caseCode }]} extra={extra}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="case-header">
          <Descriptions.Item label={c.caseCode}>{kase.caseCode}</Descriptions.Item>
          <Descriptions.Item label={c.person}>
            <PersonLink id={kase.personId} />
          </Descriptions.Item>
          <Descriptions.Item label={c.status}>
            <Tag color={kase.status === 'active' ? 'red' : 'default'}>{c.statuses[kase.status]}</Tag>
            {kase.withdrawnReason ? <span>{kase.withdrawnReason}</span> : null}
          </Descriptions.Item>
          <Descriptions.Item label={c.confirmedOn}>{date(kase.confirmedOn)}</Descriptions.Item>
          <Descriptions.Item label={c.sampledOn}>{date(kase.sampledOn)}</Descriptions.Item>
          <Descriptions.Item label={c.onsetOn}>{kase.onsetOn ? date(kase.onsetOn) : none}</Descriptions.Item>
          <Descriptions.Item label={c.isolatedAt}>{kase.isolatedAt ? dateTime(kase.isolatedAt) : none}</Descriptions.Item>
          <Descriptions.Item label={c.detectedIn}>{c.detectedIns[kase.detectedIn]}</Descriptions.Item>
          <Descriptions.Item label={c.clinicalStatus}>{c.clinicalStatuses[kase.clinicalStatus]}</Descriptions.Item>
          <Descriptions.Item label={c.treatmentPlace}>{c.treatmentPlaces[kase.treatmentPlace]}</Descriptions.Item>
          <Descriptions.Item label={c.outcome}>{kase.outcome ? `${c.outcomes[kase.outcome]} (${date(kase.outcomeOn)})` : c.noOutcome}</Descriptions.Item>
          <Descriptions.Item label={c.confirmingTest}>{kase.confirmingTest}</Descriptions.Item>
          <Descriptions.Item label={m.units.commune}>
            <UnitName code={kase.communeCode} withParents />
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'investigation' ? {} : { tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'investigation', label: c.tabInvestigation, children: <InvestigationTab caseId={kase.id} canWrite={canWrite} /> },
          { key: 'contacts', label: c.tabContacts, children: <ContactsTab caseId={kase.id} canWrite={canWrite} /> },
          { key: 'chain', label: c.tabChain, children: <ChainTab caseId={kase.id} canWrite={canWrite} /> },
        ]}
      />
      {editing ? <CaseCourseDialog kase={kase} onClose={() => setEditing(false)} /> : null}
      {withdrawing ? <WithdrawDialog kase={kase} onClose={() => setWithdrawing(false)} /> : null}
    </Page>
  );
}

function WithdrawDialog({ kase, onClose }: { kase: CaseView; onClose(): void }) {
  const { m, lang } = useI18n();
  const c = m.cases;
  const { message } = App.useApp();
  const withdraw = useWithdrawCase(kase.id);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      open
      title={c.withdraw}
      okText={c.withdraw}
      okButtonProps={{ danger: true, disabled: reason.trim().length < 5, loading: withdraw.isPending }}
      cancelText={m.common.cancel}
      onCancel={onClose}
      onOk={async () => {
        try {
          await withdraw.mutateAsync({ reason: reason.trim(), version: kase.version });
          message.success(c.withdrawn);
          onClose();
        } catch (err) {
          setError(errorMessage(err, m, lang));
        }
      }}
    >
      <label htmlFor="withdraw-reason">{c.withdrawReason}</label>
      <Input.TextArea
        id="withdraw-reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        autoSize={{ minRows: 3 }}
        maxLength={500}
        status={error ? 'error' : undefined}
      />
      {error ? (
        <div role="alert" style={{ color: '#cf1322', marginTop: 8 }}>
          {error}
        </div>
      ) : null}
    </Modal>
  );
}
