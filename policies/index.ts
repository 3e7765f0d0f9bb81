export * from "./arns";
export * from "./document";
export * from "./intent";
export * from "./limits";
export { logArchiveBucketPolicy, denyInsecureTransport } from "./bucket-policy";
export { trailKeyPolicy } from "./key-policy";
export { accessLogBucketPolicy } from "./access-log-policy";
export { memberCondition } from "./narrowing";
