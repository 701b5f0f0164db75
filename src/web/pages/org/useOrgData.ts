import { useCallback, useEffect, useState } from 'react';
import { api } from '../../lib/api';
import type { Acting, Division, OrgData, PersonBrief, UnitNode } from './types';

/** Load the tree, the people, the division and the acting arrangements together. */
export function useOrgData() {
  const [data, setData] = useState<OrgData>({ units: [], people: [], division: null, acting: [] });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const [u, p, d, a] = await Promise.all([
        api.get<{ units: UnitNode[] }>('/org/units'),
        api.get<{ people: PersonBrief[] }>('/org/people'),
        api.get<Division>('/org/leadership'),
        api.get<{ arrangements: Acting[] }>('/org/acting-arrangements'),
      ]);
      setData({ units: u.units, people: p.people, division: d, acting: a.arrangements });
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, loading, error, reload };
}
