import { Button, Dropdown } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useI18n, type Language } from './i18n/I18nProvider';

/** Tiếng Việt / English; the choice is kept in localStorage. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { lang, m, setLang } = useI18n();
  const items = (['vi', 'en'] as Language[]).map((l) => ({ key: l, label: <span lang={l}>{m.languages[l]}</span> }));
  return (
    <Dropdown menu={{ items, selectable: true, selectedKeys: [lang], onClick: ({ key }) => setLang(key as Language) }} trigger={['click']}>
      <Button type="text" icon={<GlobalOutlined />} aria-label={m.account.language} data-testid="language-switch">
        {compact ? lang.toUpperCase() : m.languages[lang]}
      </Button>
    </Dropdown>
  );
}
