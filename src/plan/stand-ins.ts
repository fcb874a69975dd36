/**
 * Values that stand in for a plan's top-level keys when they are missing or wrong (and
 * pruned), so that the rules still run on the rest of the plan: a bad `kind` or a missing
 * title should not hide a broken reference further down. None of them is shown: the
 * schema has reported the key, and the rules' problems about a stand-in are dropped.
 * `strategy` stands in for a kind because no rule is a strategy's alone; the period has
 * no stand-in, since the rules judge dates by it.
 */
const STAND_INS: Record<string, unknown> = {
  mapc: 1,
  id: 'plan',
  kind: 'strategy',
  title: 'Plan',
  authority: 'Council',
};

/** The data with stand-ins for the missing top-level keys, and which keys stood in; undefined when there is nothing to stand in. */
export function withStandIns(data: unknown): { data: Record<string, unknown>; keys: string[] } | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const keys = Object.keys(STAND_INS).filter((key) => !Object.prototype.hasOwnProperty.call(data, key));
  if (keys.length === 0) return undefined;
  return { data: { ...(data as Record<string, unknown>), ...Object.fromEntries(keys.map((key) => [key, STAND_INS[key]])) }, keys };
}

/** Whether a missing top-level key has a stand-in (the schema's error about it need not stop the rules). */
export function hasStandIn(key: string): boolean {
  return Object.prototype.hasOwnProperty.call(STAND_INS, key);
}
