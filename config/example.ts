import type { ConfigInput } from "./schema";

/** The embedded example organization: used when no config file is given. */
export const EXAMPLE_CONFIG: ConfigInput = {
  organization: {
    id: "o-exampleorgid",
    managementAccountId: "111111111111",
    homeRegion: "us-east-1",
  },
  logArchive: {
    bucketName: "example-org-cloudtrail-logs",
  },
  trail: {
    name: "org-trail",
  },
};
