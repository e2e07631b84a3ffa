# Sourced by the bin/ scripts (not run on its own). Needs $root, the repository root, as the working directory.
#   cp="$(module_classpath <tool> <module>)"
# builds <module> and the modules it depends on when the last build is missing or older than any source,
# schema, resource or pom, and prints the module's runtime classpath. Build output goes to stderr.

# The last build is stale when its classpath file is missing, was written by a build of the module alone
# (it then names installed jars of the other modules, not this tree's), or is older than any source.
_module_build_stale() {
  local classpath_file=$1
  [[ ! -f "$classpath_file" ]] && return 0
  grep -q "$root/schemas/target/" "$classpath_file" || return 0
  [[ -n "$(find . -path ./.presence-data -prune -o -path '*/target' -prune -o -path ./.git -prune -o \
      -type f \( -name '*.java' -o -name '*.avsc' -o -name 'pom.xml' -o -name '*.conf' -o -name '*.xml' \) \
      -newer "$classpath_file" -print -quit)" ]]
}

module_classpath() {
  local tool=$1 module=$2
  local classpath_file="$module/target/classpath.txt"
  command -v java >/dev/null || { echo "$tool: java not found; install a JDK 17 or newer" >&2; return 1; }
  command -v mvn >/dev/null || { echo "$tool: mvn not found; install Apache Maven" >&2; return 1; }
  if _module_build_stale "$classpath_file"; then
    echo "building (mvn -B -q -DskipTests package -pl $module -am) …" >&2
    # Maven 3.8's console library writes bare colour resets even in batch mode: keep them off the terminal
    # explicit: a command substitution does not inherit the caller's errexit, and a failed build must stop here
    mvn -B -q -Dstyle.color=never -DskipTests package -pl "$module" -am 2>&1 | sed -u 's/\x1b\[0m//g' >&2 || return 1
    # Maven rewrites the classpath file only when it changes: mark this build, or every later run would rebuild
    touch "$classpath_file"
  fi
  echo "$root/$module/target/classes:$(cat "$classpath_file")"
}
