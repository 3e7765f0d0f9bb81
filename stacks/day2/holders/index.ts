import { BUCKET } from "./bucket";
import type { LogHolder } from "./holder";
import { KEY } from "./key";
import { LOG_GROUP } from "./log-group";
import { TRAIL } from "./trail";

/** Every resource type that holds logs, produces them, or decrypts them, by Terraform type. */
export const LOG_HOLDERS: ReadonlyMap<string, LogHolder> = new Map([BUCKET, KEY, TRAIL, LOG_GROUP].map((h) => [h.type, h]));

export type { LogHolder } from "./holder";
