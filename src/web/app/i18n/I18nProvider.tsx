import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatDate, formatDateTime, formatNumber } from '@domain/format';
import { setApiLanguage } from '@web/lib/api';
import { CATALOGS, type Language, type Messages } from './messages';

export type { Language };

const STORAGE_KEY = 'tc.language';

interface I18n {
  lang: Language;
  m: Messages;
  setLang(lang: Language): void;
  /** 1234567 → '1.234.567' (vi) or '1,234,567' (en). */
  num(n: number | null | undefined): string;
  /** '2021-09-07' → '07/09/2021' in both languages. */
  date(day: string | null | undefined): string;
  dateTime(instant: string | null | undefined): string;
}

const I18nContext = createContext<I18n | null>(null);

/** The language chosen earlier on this device (Vietnamese by default). */
export function savedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(savedLanguage);
  setApiLanguage(lang);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${CATALOGS[lang].app.name} – ${CATALOGS[lang].app.tagline}`;
  }, [lang]);
  const setLang = useCallback((next: Language) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
    setApiLanguage(next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      m: CATALOGS[lang],
      setLang,
      num: (n) => (n === null || n === undefined ? '' : formatNumber(n, lang)),
      date: (d) => formatDate(d),
      dateTime: (t) => formatDateTime(t),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
