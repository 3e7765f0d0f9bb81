/**
 * The CloudTrail table as the AWS documentation defines it for Athena ("Query AWS CloudTrail logs", "Create the
 * table for CloudTrail logs in Athena using partition projection"): CloudTrail's own SerDe and input format, the
 * record's columns (nested identities as structs, request and response as JSON text), and partitions projected
 * from the folder layout `<region>/<yyyy>/<MM>/<dd>/`, so no crawler and no MSCK REPAIR TABLE.
 */
export const CLOUDTRAIL_SERDE = {
  serializationLibrary: "com.amazon.emr.hive.serde.CloudTrailSerde",
  inputFormat: "com.amazon.emr.cloudtrail.CloudTrailInputFormat",
  outputFormat: "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
} as const;

const SESSION_CONTEXT =
  "struct<attributes:struct<mfaauthenticated:string,creationdate:string>,sessionissuer:struct<type:string,principalid:string,arn:string,accountid:string,username:string>,sourceidentity:string,ec2roledelivery:string,webidfederationdata:struct<federatedprovider:string,attributes:map<string,string>>>";

export const CLOUDTRAIL_COLUMNS: readonly { name: string; type: string }[] = [
  { name: "eventversion", type: "string" },
  {
    name: "useridentity",
    type: `struct<type:string,principalid:string,arn:string,accountid:string,invokedby:string,accesskeyid:string,username:string,onbehalfof:struct<userid:string,identitystorearn:string>,sessioncontext:${SESSION_CONTEXT}>`,
  },
  { name: "eventtime", type: "string" },
  { name: "eventsource", type: "string" },
  { name: "eventname", type: "string" },
  { name: "awsregion", type: "string" },
  { name: "sourceipaddress", type: "string" },
  { name: "useragent", type: "string" },
  { name: "errorcode", type: "string" },
  { name: "errormessage", type: "string" },
  { name: "requestparameters", type: "string" },
  { name: "responseelements", type: "string" },
  { name: "additionaleventdata", type: "string" },
  { name: "requestid", type: "string" },
  { name: "eventid", type: "string" },
  { name: "readonly", type: "string" },
  { name: "resources", type: "array<struct<arn:string,accountid:string,type:string>>" },
  { name: "eventtype", type: "string" },
  { name: "apiversion", type: "string" },
  { name: "recipientaccountid", type: "string" },
  { name: "serviceeventdetails", type: "string" },
  { name: "sharedeventid", type: "string" },
  { name: "vpcendpointid", type: "string" },
  { name: "vpcendpointaccountid", type: "string" },
  { name: "eventcategory", type: "string" },
  { name: "addendum", type: "struct<reason:string,updatedfields:string,originalrequestid:string,originaleventid:string>" },
  { name: "sessioncredentialfromconsole", type: "string" },
  { name: "edgedevicedetails", type: "string" },
  { name: "tlsdetails", type: "struct<tlsversion:string,ciphersuite:string,clientprovidedhostheader:string>" },
];

/** Partition columns: the folder's region and day (yyyy/MM/dd, as CloudTrail names the folders). */
export const PARTITION_KEYS = [
  { name: "region", type: "string", comment: "The AWS Region folder the record was delivered to." },
  { name: "day", type: "string", comment: "The delivery day folder, yyyy/MM/dd: filter on it to scan less." },
] as const;

/**
 * Partition projection: Athena computes the partitions from these properties. `${region}` and `${day}` are
 * Athena's placeholders, not Terraform's: they reach Terraform escaped as `$${…}`.
 */
export function projectionParameters(location: string, regions: string, startDate: string): Record<string, string> {
  return {
    EXTERNAL: "TRUE",
    classification: "cloudtrail",
    "projection.enabled": "true",
    "projection.region.type": "enum",
    "projection.region.values": regions,
    "projection.day.type": "date",
    "projection.day.format": "yyyy/MM/dd",
    "projection.day.range": `${startDate},NOW`,
    "projection.day.interval": "1",
    "projection.day.interval.unit": "DAYS",
    "storage.location.template": `${location}$\${region}/$\${day}`,
  };
}
