import { Tag } from 'antd';
import type { TestResult } from '@domain/testing';
import { useI18n } from '@web/app/i18n/I18nProvider';

const COLORS: Record<TestResult, string> = { negative: 'green', positive: 'red', invalid: 'orange' };

/** A test result as a coloured tag, with its Ct when there is one. */
export function TestResultTag({ result, ct }: { result: TestResult; ct?: number | null }) {
  const { m, num } = useI18n();
  return (
    <Tag color={COLORS[result]}>
      {m.testResults[result]}
      {ct !== null && ct !== undefined ? ` · Ct ${num(ct)}` : ''}
    </Tag>
  );
}
