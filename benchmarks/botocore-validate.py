"""CPU time of botocore's client-side check of one template, the AWS CLI's own: json.loads of the
text, then ParamValidator.validate_parameters against the input shape of FIS
CreateExperimentTemplate from botocore's loader. The clientToken the CLI generates before validating
is added first, as the CLI does. Prints: botocore <version> fastest <us> median <us> (per template).

usage: python botocore-validate.py TEMPLATE.json [rounds] [per-round]
"""
import json
import sys
import time

import botocore
import botocore.session
from botocore.validate import ParamValidator

text = open(sys.argv[1]).read()
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 20
per_round = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
shape = botocore.session.get_session().get_service_model("fis") \
    .operation_model("CreateExperimentTemplate").input_shape
validator = ParamValidator()


def read_and_validate():
    params = json.loads(text)
    params["clientToken"] = "a8d1c2e0-5f3b-4c7e-9a61-2b0d4e6f8a10"
    return validator.validate(params, shape)


report = read_and_validate()
if report.has_errors():
    sys.exit("botocore rejects the template:\n" + report.generate_report())
warm_until = time.process_time() + 3
while time.process_time() < warm_until:
    read_and_validate()
micros = []
for _ in range(rounds):
    start = time.process_time()
    for _ in range(per_round):
        read_and_validate()
    micros.append((time.process_time() - start) / per_round * 1e6)
micros.sort()
print("botocore %s fastest %.2f median %.2f" % (botocore.__version__, micros[0], micros[len(micros) // 2]))
