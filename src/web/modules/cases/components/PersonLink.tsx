import { Link } from 'react-router';
import { paths } from '@web/app/paths';
import { usePerson } from '@web/modules/people/hooks/usePeople';

/** A person's name linking to their page (the id while the name loads, or when it cannot be read). */
export function PersonLink({ id }: { id: string }) {
  const { data } = usePerson(id);
  return <Link to={paths.person(id)}>{data?.fullName ?? id.slice(0, 8)}</Link>;
}
