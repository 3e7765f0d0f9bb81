/** Reports every item whose key an earlier item already had. */
export function duplicates<T>(items: readonly T[], key: (t: T) => string, report: (index: number, value: string) => void): void {
  const seen = new Set<string>();
  items.forEach((t, i) => {
    const k = key(t);
    if (seen.has(k)) report(i, k);
    seen.add(k);
  });
}
