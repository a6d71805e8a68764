# Finds a Java 21 or newer and exports JAVA_HOME to it. Sourced, not run, by .ci/run, bench/run.sh
# and the launchers (marketplace-seller, marketplace-buyer):
#   . "$(dirname "$0")/../bin/jdk.sh" && use_java_21_or_newer || exit 1
# It tries, in order: $JAVA_HOME, the java on the PATH, then the JDKs installed under
# /usr/lib/jvm (newest first) and, on macOS, what /usr/libexec/java_home knows.

# The feature version of the Java at $1 (e.g. 21), from its release file when it has one (quick),
# else by asking it.
java_major() {
  local home=$1 version
  if [ -r "$home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  fi
  if [ -z "${version:-}" ]; then
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

use_java_21_or_newer() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" "$(java_on_path)" \
    $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV) \
    $( [ -x /usr/libexec/java_home ] && /usr/libexec/java_home -v 21+ 2>/dev/null ); do
    candidate=${candidate%/}
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    major=$(java_major "$candidate")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "No Java 21 or newer found: install one (e.g. Temurin 21) or point JAVA_HOME at it." >&2
  return 1
}
