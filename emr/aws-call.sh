# Sourced by the emr/ scripts: aws_call runs the AWS CLI, or with NETIMPACT_DRY_RUN=1 prints the
# call as one JSON array line (["aws", "emr", ...], exactly the arguments) on stderr and stands
# in for its output with NETIMPACT_DRY_OUTPUT (default: nothing).
#
# The scripts are written for bash 3.2 (what macOS ships) and later: no mapfile, associative
# arrays, ${x,,} / ${x^^}, [[ -v ]], negative indices or "${empty[@]}" under set -u. Older shells
# are refused here, by name, rather than failing half-way.
if [ -z "${BASH_VERSINFO:-}" ] || [ "${BASH_VERSINFO[0]}" -lt 3 ] \
    || { [ "${BASH_VERSINFO[0]}" -eq 3 ] && [ "${BASH_VERSINFO[1]}" -lt 2 ]; }; then
  echo "netimpact emr scripts need bash 3.2 or later (this is ${BASH_VERSION:-not bash}):" \
    "run them as: bash emr/SCRIPT.sh" >&2
  exit 2
fi

aws_call() {
  if [ "${NETIMPACT_DRY_RUN:-0}" = 1 ]; then
    python3 -c 'import json, sys; print(json.dumps(["aws"] + sys.argv[1:]))' "$@" >&2
    [ -z "${NETIMPACT_DRY_OUTPUT:-}" ] || printf '%s\n' "$NETIMPACT_DRY_OUTPUT"
    return 0
  fi
  aws "$@"
}
