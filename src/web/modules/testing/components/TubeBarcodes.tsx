import { useRef } from 'react';
import { Form, Input, Typography, type InputRef } from 'antd';
import { BarcodeOutlined } from '@ant-design/icons';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';

/**
 * One barcode input per tube. A scanner types the code and Enter: the next tube's input takes the focus,
 * after the last one `onLast` (the save button). Typed codes are upper-cased as the server stores them.
 */
export function TubeBarcodes({ tubes, onLast }: { tubes: { names: string[] }[]; onLast(): void }) {
  const { m } = useI18n();
  const s = m.sampling;
  const inputs = useRef<(InputRef | null)[]>([]);
  const many = tubes.length > 1;
  return (
    <>
      {tubes.map((tube, i) => (
        <Form.Item
          key={i}
          name={['barcodes', i]}
          label={many ? fill(s.tube, { n: i + 1 }) : s.barcode}
          required
          normalize={(v?: string) => v?.toUpperCase()}
          extra={
            many ? (
              <Typography.Text type="secondary">{fill(s.tubeMembers, { count: tube.names.length, names: tube.names.join(', ') })}</Typography.Text>
            ) : (
              s.barcodeHelp
            )
          }
        >
          <Input
            ref={(el) => {
              inputs.current[i] = el;
            }}
            prefix={<BarcodeOutlined />}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            enterKeyHint={i < tubes.length - 1 ? 'next' : 'done'}
            aria-label={many ? `${s.barcode} ${i + 1}` : s.barcode}
            data-testid={`barcode-${i}`}
            onPressEnter={(e) => {
              e.preventDefault();
              const next = inputs.current[i + 1];
              if (next) next.focus();
              else onLast();
            }}
          />
        </Form.Item>
      ))}
    </>
  );
}
