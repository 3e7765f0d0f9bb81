/** Who the organization is and which trail writes: every policy is built from these. */
export interface TrailContext {
  readonly partition: string;
  readonly organizationId: string;
  readonly managementAccountId: string;
  readonly homeRegion: string;
  readonly trailName: string;
}
