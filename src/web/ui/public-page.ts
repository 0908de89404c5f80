import type { CSSProperties } from 'react';

/** The frame of a page shown without a session (login, public result lookup): one centred card on the city's blue. */
export const PUBLIC_PAGE_STYLE: CSSProperties = {
  minHeight: '100vh',
  display: 'flex',
  flexDirection: 'column',
  alignItems: 'center',
  justifyContent: 'center',
  padding: 16,
  background: 'linear-gradient(160deg, #0b5cad 0%, #083d73 100%)',
};
