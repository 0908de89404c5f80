import { Tag } from 'antd';

export const CLASS_COLORS: Record<'F0' | 'F1' | 'F2', string> = { F0: '#cf1322', F1: '#fa8c16', F2: '#d4b106' };

/** F0 red, F1 orange, F2 gold. */
export function ClassTag({ value }: { value: 'F0' | 'F1' | 'F2' | null }) {
  if (!value) return null;
  return <Tag color={value === 'F0' ? 'red' : value === 'F1' ? 'orange' : 'gold'}>{value}</Tag>;
}
