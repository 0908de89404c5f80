import { useRef, useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Tag, Typography, type InputRef } from 'antd';
import { BarcodeOutlined } from '@ant-design/icons';
import { messageFor } from '@domain/error-catalog';
import { normalizeBarcode } from '@domain/testing';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import { errorMessage } from '@web/lib/form-errors';
import { useReceive, type ReceivedView, type ShipmentView } from '../hooks/useShipments';

/**
 * Receives a shipment by scanning its tubes one after another: Enter adds the code to the list (a repeated
 * scan is ignored), the count shows progress, and the intake is confirmed once for the whole list.
 */
export function ShipmentReceive({ shipment, onDone, onCancel }: { shipment: ShipmentView; onDone(report: ReceivedView): void; onCancel(): void }) {
  const { m, lang } = useI18n();
  const l = m.lab;
  const receive = useReceive(shipment.id);
  const input = useRef<InputRef>(null);
  const [text, setText] = useState('');
  const [scanned, setScanned] = useState<string[]>([]);
  const [note, setNote] = useState<{ type: 'warning' | 'error'; text: string } | null>(null);
  const [general, setGeneral] = useState<string | null>(null);

  const add = () => {
    const code = normalizeBarcode(text);
    setText('');
    if (!text.trim()) return;
    if (!code) setNote({ type: 'error', text: messageFor('testing.barcode_invalid', lang) });
    else if (scanned.includes(code)) setNote({ type: 'warning', text: fill(l.duplicate, { barcode: code }) });
    else {
      setNote(null);
      setScanned((list) => [code, ...list]);
    }
  };

  const confirm = async () => {
    setGeneral(null);
    try {
      onDone(await receive.mutateAsync(scanned));
    } catch (err) {
      setGeneral(errorMessage(err, m, lang));
    }
  };

  return (
    <Card size="small" title={fill(l.receiveTitle, { code: shipment.code })} style={{ marginBottom: 16 }} data-testid="receive-panel">
      {general ? <Alert type="error" showIcon message={general} role="alert" style={{ marginBottom: 12 }} /> : null}
      <Form layout="vertical" onSubmitCapture={(e) => e.preventDefault()}>
        <Form.Item label={l.scan} htmlFor="receive-scan" extra={l.scanHelp} validateStatus={note?.type} help={note?.text}>
          <Input
            id="receive-scan"
            ref={input}
            size="large"
            autoFocus
            value={text}
            onChange={(e) => setText(e.target.value)}
            onPressEnter={(e) => {
              e.preventDefault();
              add();
            }}
            prefix={<BarcodeOutlined />}
            autoComplete="off"
            spellCheck={false}
            data-testid="receive-scan"
          />
        </Form.Item>
      </Form>
      <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="receive-count">
        {fill(l.scanned, { n: scanned.length, total: shipment.tubes })}
      </Typography.Title>
      <div style={{ marginBottom: 16 }}>
        {scanned.map((b) => (
          <Tag
            key={b}
            closable
            onClose={() => setScanned((list) => list.filter((x) => x !== b))}
            closeIcon={<span aria-label={fill(l.remove, { barcode: b })}>×</span>}
            style={{ fontSize: 14, padding: '2px 8px', marginBottom: 4 }}
          >
            {b}
          </Tag>
        ))}
      </div>
      <Space wrap>
        <Button type="primary" size="large" disabled={!scanned.length} loading={receive.isPending} onClick={() => void confirm()} data-testid="receive-confirm">
          {l.confirmReceive}
        </Button>
        <Button size="large" onClick={onCancel}>
          {m.common.cancel}
        </Button>
      </Space>
    </Card>
  );
}
