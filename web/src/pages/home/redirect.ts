// The old query form (`?workload=fib&n=22`) keeps working: it goes to the workload's page with
// the other parameters kept (`w/fib/?n=22`). An unknown workload stays here with a notice.
import { WORKLOADS } from '../../generated/catalog';
import { workloadUrl } from '../../app';

/** 'redirected', a notice when the link named no known workload, or null when there was nothing to do. */
export function redirectOldQuery(loc: Location = window.location): string | null {
  const query = new URLSearchParams(loc.search);
  const id = query.get('workload');
  if (id === null) return null;
  if (!WORKLOADS.some((w) => w.id === id)) return `This link names no known workload ('${id.slice(0, 40)}'); here are all of them.`;
  query.delete('workload');
  const rest = query.toString();
  loc.replace(`${workloadUrl(id).href}${rest ? `?${rest}` : ''}${loc.hash}`);
  return 'redirected';
}
