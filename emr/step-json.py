"""Builds the EMR step JSON (aws emr add-steps --steps) for the emr/ scripts, from the one
definition of each step, so a step added by hand is the step the automation runs.

  step-json.py sweep TEMPLATE BUCKET YYYY-MM-DD
      the nightly sweep step of the state machine in TEMPLATE (emr/cloudformation/netimpact.json),
      with the run id the machine gives that night (nightly-YYYY-MM-DD)
  step-json.py service STEPFILE BUCKET [--option=value ...] [jar=S3PATH]
      the review service step of STEPFILE (emr/steps/review-service.json) for BUCKET; a given
      option replaces the file's value or is appended, an empty one is left out
"""
import json
import re
import sys


def sweep(template, bucket, night):
    states = json.load(open(template))["Resources"]["NightlySweep"]["Properties"][
        "Definition"]["States"]
    # The run id as the machine makes it: States.Format('nightly-{}', <date of scheduledTime>).
    fmt = re.search(r"States\.Format\('([^']*)'", states["RunId"]["Parameters"]["runId.$"])
    run_id = fmt.group(1).replace("{}", night)
    step = states["Sweep"]["Parameters"]["Step"]
    expr = step["HadoopJarStep"]["Args.$"]
    args = []
    for literal, path in re.findall(r"'([^']*)'|(\$[.\w]+)", expr[len("States.Array("):]):
        if path and path != "$.run.runId":
            sys.exit("the sweep step reads " + path + ", which a step added by hand cannot fill")
        args.append(run_id if path else literal.replace("${BucketName}", bucket))
    return {"Name": step["Name"] + " " + run_id, "ActionOnFailure": step["ActionOnFailure"],
            "Type": "CUSTOM_JAR", "Jar": step["HadoopJarStep"]["Jar"], "Args": args}


def service(path, bucket, given):
    step = json.load(open(path))[0]
    args = [a.replace("example-netimpact", bucket) for a in step["Args"]]
    options = dict(g.split("=", 1) for g in given)
    jar = options.pop("jar", "")
    if jar:
        args[args.index("--class") + 2] = jar
    for option, value in options.items():
        if not value:
            continue
        if option in args:
            args[args.index(option) + 1] = value
        else:
            args += [option, value]
    step["Args"] = args
    return step


if __name__ == "__main__":
    kind = sys.argv[1]
    if kind == "sweep":
        print(json.dumps([sweep(*sys.argv[2:5])]))
    elif kind == "service":
        print(json.dumps([service(sys.argv[2], sys.argv[3], sys.argv[4:])]))
    else:
        sys.exit("step-json.py sweep|service ...")
