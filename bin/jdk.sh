# shellcheck shell=bash
# Finds a Java 21 or newer and exports JAVA_HOME to it. Sourced, not run, by .ci/run, bench/run.sh
# and the launchers (marketplace-seller, marketplace-buyer):
#   . "$(dirname "$0")/../bin/jdk.sh" && use_java_21_or_newer || exit 1
# It tries, in order: $JAVA_HOME, the java on the PATH, then the JDKs installed under
# /usr/lib/jvm (newest first) and, on macOS, what /usr/libexec/java_home knows.

# The feature version of the Java at $1 (e.g. 21), from its release file when it has one (read
# with the shell's builtins: the launchers run this on every command, and each program started
# costs them about 10 ms), else by asking it.
java_major() {
  local home=$1 line version=
  if [ -r "$home/release" ]; then
    while IFS= read -r line; do
      case $line in
        JAVA_VERSION=*)
          version=${line#JAVA_VERSION=\"}
          version=${version%%\"*}
          break
          ;;
      esac
    done <"$home/release"
  fi
  if [ -z "$version" ]; then
    version=$("$home/bin/java" -XshowSettings:properties -version 2>&1 |
      sed -n 's/^ *java.specification.version = //p')
  fi
  version=${version#1.}
  echo "${version%%[.+-]*}"
}

# Where the java on the PATH lives (its JAVA_HOME), if there is one.
java_on_path() {
  local java
  java=$(command -v java 2>/dev/null) || return 0
  java=$(readlink -f "$java" 2>/dev/null || echo "$java")
  dirname "$(dirname "$java")"
}

# Exports JAVA_HOME to $1 if it is a Java 21 or newer, and sets JAVA_MAJOR to its version.
use_if_21_or_newer() {
  local candidate=${1%/} major
  [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || return 1
  major=$(java_major "$candidate")
  [ "${major:-0}" -ge 21 ] 2>/dev/null || return 1
  export JAVA_HOME="$candidate"
  # shellcheck disable=SC2034 # read by the launchers that source this file
  JAVA_MAJOR=$major
}

# Each place is looked at only when those before it had no Java 21: a set JAVA_HOME costs nothing
# more.
use_java_21_or_newer() {
  local candidate
  use_if_21_or_newer "${JAVA_HOME:-}" && return 0
  use_if_21_or_newer "$(java_on_path)" && return 0
  for candidate in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV) \
    $( [ -x /usr/libexec/java_home ] && /usr/libexec/java_home -v 21+ 2>/dev/null ); do
    use_if_21_or_newer "$candidate" && return 0
  done
  echo "No Java 21 or newer found: install one (e.g. Temurin 21) or point JAVA_HOME at it." >&2
  return 1
}
