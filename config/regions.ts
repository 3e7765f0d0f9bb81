import { KNOWN_REGIONS } from "../modules/shared/rules/aws-values";

/** Settings that name a region. */
export const REGION_PATHS = [["organization", "homeRegion"], ["deployment", "backend", "region"]] as const;

/** Largest edit distance still read as a typo of a known region. */
const TYPO_DISTANCE = 2;

/**
 * The known regions a value may be a typo of: those at the smallest edit distance (a swap of two letters counts
 * one), up to TYPO_DISTANCE. Empty for a known region or one far from all.
 */
export function regionCandidates(value: string): string[] {
  if ((KNOWN_REGIONS as readonly string[]).includes(value)) return [];
  const scored = KNOWN_REGIONS.map((r) => ({ r, d: distance(value, r) })).filter((x) => x.d <= TYPO_DISTANCE);
  const best = Math.min(...scored.map((x) => x.d));
  return scored.filter((x) => x.d === best).map((x) => x.r);
}

/**
 * An unknown region is an error when exactly one known region is its closest match (`eu-wset-1`: eu-west-1), and a
 * warning otherwise: `eu-west-4` is as close to eu-west-1 as to eu-west-3, and may be a region launched after the list.
 */
export const isRegionTypo = (value: string): boolean => regionCandidates(value).length === 1;

export const didYouMean = (candidates: readonly string[]): string =>
  candidates.length ? `did you mean ${candidates.length === 1 ? candidates[0] : `${candidates.slice(0, -1).join(", ")} or ${candidates[candidates.length - 1]}`}?` : "";

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of adjacent characters. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
