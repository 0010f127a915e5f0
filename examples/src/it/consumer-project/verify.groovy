// A consumer that imports the BOM and depends on calendar-sdk-graph resolves the library versions
// the SDK is built and tested with. The SDK's own pins are in its parent's dependencyManagement,
// which a consumer does not inherit: the SDK modules declare these libraries directly, so that
// their versions are nearer to the consumer than the older ones okhttp and msal4j ask for.
// The expected versions are the SDK build's properties (scriptVariables in examples/pom.xml).

def expected = [
    'com.squareup.okhttp3:okhttp'            : okhttpVersion,
    'com.squareup.okio:okio'                 : okioVersion,
    'com.squareup.okio:okio-jvm'             : okioVersion,
    'org.jetbrains.kotlin:kotlin-stdlib'     : kotlinVersion,
    'com.azure:azure-json'                   : azureJsonVersion,
    'com.fasterxml.jackson.core:jackson-core': jacksonVersion,
    'com.microsoft.azure:msal4j'             : msal4jVersion,
]
// every artifact of these groups at the one version (kotlin-stdlib-jdk8, -jdk7, -common ...)
def expectedPerGroup = [
    'com.squareup.okio'   : okioVersion,
    'org.jetbrains.kotlin': kotlinVersion,
]

def list = new File(basedir, 'target/resolved-dependencies.txt')
assert list.isFile() : "dependency:list wrote no ${list}"

// lines like "   com.squareup.okio:okio-jvm:jar:3.18.1:compile -- module okio [auto]"
def resolved = [:]
list.eachLine { line ->
  def coordinates = line.trim().split(' ')[0].split(':')
  if (coordinates.length in [5, 6]) {
    resolved["${coordinates[0]}:${coordinates[1]}".toString()] = coordinates[coordinates.length - 2]
  }
}

def problems = []
expected.each { artifact, version ->
  if (!resolved.containsKey(artifact)) {
    problems << "${artifact} is not resolved at all (expected ${version})"
  } else if (resolved[artifact] != version) {
    problems << "${artifact} resolves to ${resolved[artifact]}, the SDK builds with ${version}"
  }
}
resolved.each { artifact, version ->
  def group = artifact.substring(0, artifact.indexOf(':'))
  def groupVersion = expectedPerGroup[group]
  if (groupVersion != null && version != groupVersion && !expected.containsKey(artifact)) {
    problems << "${artifact} resolves to ${version}, the SDK builds its group with ${groupVersion}"
  }
}
if (!problems.isEmpty()) {
  throw new AssertionError('The consumer project resolves other library versions than the SDK '
      + 'is built and tested with (declare them in the SDK module that brings them):\n  '
      + problems.join('\n  '))
}
println "Consumer resolves the SDK's library versions: ${expected.keySet().collect { it + ':' + resolved[it] }.join(', ')}"
return true
