import { useUnit } from '../hooks/useUnits';

/** The name of a unit by its code ("Phường Cái Khế"); the code while it loads. */
export function UnitName({ code, withParents = false }: { code: string | null | undefined; withParents?: boolean }) {
  const { data } = useUnit(code);
  if (!code) return null;
  if (!data) return <span>{code}</span>;
  if (!withParents) return <span>{data.name}</span>;
  return (
    <span>
      {[
        data.name,
        ...data.ancestors
          .slice()
          .reverse()
          .map((a) => a.name),
      ].join(', ')}
    </span>
  );
}
