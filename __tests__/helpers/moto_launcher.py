"""Starts moto's server (same arguments as `moto_server`, e.g. `-H 127.0.0.1 -p 5000`) after two runtime patches
of moto 5.2.1's CloudTrail backend that applying orgtrail's Terraform needs. Used by __tests__/helpers/moto.ts only.

Each patch is as small as possible and changes nothing else; delete it once moto fixes the defect upstream.
"""

import sys

from moto.cloudtrail import models as cloudtrail
from moto.server import main

# --- Patch 1: StartLogging / StopLogging / DeleteTrail given the trail's ARN ------------------------------------
# hashicorp/aws 5.x keeps the trail's ARN as its ID and passes it as `Name` to these three calls (AWS accepts a
# name or an ARN). moto 5.2.1 looks the value up as a dict key among trail names: a KeyError (HTTP 500) for
# Start/StopLogging, and a silent no-op for DeleteTrail, which leaves the trail behind after `terraform destroy`.
# Resolve an ARN to the trail's name first; anything else reaches moto unchanged.


def _trail_name(backend: "cloudtrail.CloudTrailBackend", name_or_arn: str) -> str:
    for trail in backend.trails.values():
        if trail.arn == name_or_arn:
            return trail.trail_name
    return name_or_arn


def _by_name(original):
    def patched(self, name):
        return original(self, _trail_name(self, name))

    return patched


for _method in ("start_logging", "stop_logging", "delete_trail"):
    setattr(cloudtrail.CloudTrailBackend, _method, _by_name(getattr(cloudtrail.CloudTrailBackend, _method)))

# --- Patch 2: `SnsTopicName` given as a topic ARN ----------------------------------------------------------------
# AWS accepts the topic's name or its ARN in CreateTrail/UpdateTrail. moto 5.2.1 treats the value as a name and
# builds `arn:…:sns:<region>:<account>:<value>` from it, so an ARN never matches the topic and CreateTrail fails
# with InsufficientSnsTopicPolicyException. Keep an ARN as the topic's ARN, and report a topic of the trail's own
# account and region by its name, as AWS does (design.md §6: hashicorp/aws then reads the name back into
# `sns_topic_name`; passing the ARN gives a perpetual diff, which the apply tests must be able to see).


def _get_topic_name(self):
    return self.__dict__.get("_sns_topic_name")


def _set_topic_name(self, value):
    if value and value.startswith("arn:"):
        arn = value.split(":", 5)  # arn:<partition>:sns:<region>:<account>:<name>
        if len(arn) == 6 and arn[3] == self.region_name and arn[4] == self.account_id:
            value = arn[5]
    self.__dict__["_sns_topic_name"] = value


_topic_arn_from_name = cloudtrail.Trail.topic_arn.fget
cloudtrail.Trail.sns_topic_name = property(_get_topic_name, _set_topic_name)
cloudtrail.Trail.topic_arn = property(
    lambda self: self.sns_topic_name if (self.sns_topic_name or "").startswith("arn:") else _topic_arn_from_name(self)
)

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
