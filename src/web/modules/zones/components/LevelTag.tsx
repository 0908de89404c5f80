import { Tag } from 'antd';
import type { RegimeView } from '@server/modules/zones/schemas';

/** A level as its colour and name in the regime ("Cấp 4 – Nguy cơ rất cao"). */
export function levelName(regime: RegimeView | null, code: string, lang: 'vi' | 'en' = 'vi'): string {
  const info = regime?.levels.find((l) => l.code === code);
  if (!info) return code;
  const name = lang === 'vi' ? info.nameVi : info.nameEn;
  return /^\d$/.test(code) ? `${lang === 'vi' ? 'Cấp' : 'Level'} ${code} – ${name}` : name;
}

export function levelColour(regime: RegimeView | null, code: string): string {
  return regime?.levels.find((l) => l.code === code)?.colour ?? '#8c8c8c';
}

export function LevelTag({ regime, code, lang = 'vi' }: { regime: RegimeView | null; code: string; lang?: 'vi' | 'en' }) {
  return (
    <Tag color={levelColour(regime, code)} style={{ marginInlineEnd: 0 }}>
      {levelName(regime, code, lang)}
    </Tag>
  );
}
