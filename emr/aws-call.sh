# Sourced by the emr/ scripts: aws_call runs the AWS CLI, or with NETIMPACT_DRY_RUN=1 prints the
# call as one JSON array line (["aws", "emr", ...], exactly the arguments) on stderr and stands
# in for its output with NETIMPACT_DRY_OUTPUT (default: nothing).
aws_call() {
  if [[ "${NETIMPACT_DRY_RUN:-0}" == 1 ]]; then
    python3 -c 'import json, sys; print(json.dumps(["aws"] + sys.argv[1:]))' "$@" >&2
    [[ -z "${NETIMPACT_DRY_OUTPUT:-}" ]] || printf '%s\n' "$NETIMPACT_DRY_OUTPUT"
    return 0
  fi
  aws "$@"
}
