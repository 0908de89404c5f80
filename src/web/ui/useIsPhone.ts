import { useEffect, useState } from 'react';

const PHONE = '(max-width: 767.98px)';

/** True below antd's md breakpoint (768 px), known on the first render (no desktop-then-phone flash). */
export function useIsPhone(): boolean {
  const [phone, setPhone] = useState(() => window.matchMedia(PHONE).matches);
  useEffect(() => {
    const query = window.matchMedia(PHONE);
    const update = () => setPhone(query.matches);
    query.addEventListener('change', update);
    update();
    return () => query.removeEventListener('change', update);
  }, []);
  return phone;
}
