import { Tag } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';

/** Cases in the last 7 days against the 7 before: red when growing, green when falling. */
export function GrowthTag({ last7, previous7 }: { last7: number; previous7: number }) {
  const { m, num } = useI18n();
  const k = m.clusters;
  const diff = last7 - previous7;
  if (diff > 0)
    return (
      <Tag color="red" icon={<ArrowUpOutlined />}>
        {fill(k.rising, { n: num(diff) })}
      </Tag>
    );
  if (diff < 0)
    return (
      <Tag color="green" icon={<ArrowDownOutlined />}>
        {fill(k.falling, { n: num(-diff) })}
      </Tag>
    );
  return <Tag icon={<MinusOutlined />}>{k.flat}</Tag>;
}
