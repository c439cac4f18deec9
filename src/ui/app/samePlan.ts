/** JSON with sorted keys and without the key (PSK): two forms hold the same plan iff these match. */
export function planIdentity(values: unknown): string {
  return JSON.stringify(values, (key, value: unknown) => {
    if (key === 'psk') return undefined;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
    }
    return value;
  });
}
