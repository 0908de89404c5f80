import { useEffect, useState } from 'react';
import { Input } from 'antd';
import { formatDate, parseVnDate } from '@domain/format';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export interface VnDateInputProps {
  id?: string;
  /** 'YYYY-MM-DD' when the text is a real date, the text itself when not (the form then shows the date error), null when empty. */
  value?: string | null;
  onChange?(value: string | null): void;
  placeholder?: string;
  disabled?: boolean;
  'aria-invalid'?: boolean;
}

/** A date typed as dd/MM/yyyy (07/09/2021 or 7/9/2021); keyboard-only, no picker to fight on a phone. */
export function VnDateInput({ id, value, onChange, placeholder = 'dd/mm/yyyy', disabled, ...rest }: VnDateInputProps) {
  const shown = value && ISO.test(value) ? formatDate(value) : (value ?? '');
  const [text, setText] = useState(shown);
  useEffect(() => {
    const current = text.trim() === '' ? null : (parseVnDate(text) ?? text);
    if ((value ?? null) !== current) setText(shown);
  }, [value]); // follow values set from outside (a loaded record, a reset)
  return (
    <Input
      id={id}
      value={text}
      disabled={disabled}
      placeholder={placeholder}
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
      aria-invalid={rest['aria-invalid']}
      onChange={(e) => {
        const t = e.target.value;
        setText(t);
        onChange?.(t.trim() === '' ? null : (parseVnDate(t) ?? t));
      }}
    />
  );
}
