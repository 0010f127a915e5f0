// A Spring Boot host decides the versions of the libraries Spring Boot manages, not the SDK: its
// tests passed on those versions only if the build really resolved them. The expected versions are
// those of the spring-boot-dependencies BOM the project's parent imports (springBootVersion in
// examples/pom.xml's scriptVariables); the SDK's own artifacts must be the snapshot just built.

def bom = new File(localRepositoryPath,
    "org/springframework/boot/spring-boot-dependencies/${springBootVersion}/spring-boot-dependencies-${springBootVersion}.pom")
assert bom.isFile() : "the host resolved no ${bom}"
def managed = new groovy.xml.XmlSlurper().parse(bom).properties
def springVersion = { String property ->
  def value = managed."${property}".text()
  assert value : "spring-boot-dependencies ${springBootVersion} has no property ${property}"
  value
}

// artifact -> the version Spring Boot manages; every artifact of these groups at its group's version
def expected = [
    'io.micrometer:micrometer-core'              : springVersion('micrometer.version'),
    'org.jetbrains.kotlin:kotlin-stdlib'         : springVersion('kotlin.version'),
    'org.slf4j:slf4j-api'                        : springVersion('slf4j.version'),
    'com.fasterxml.jackson.core:jackson-core'    : springVersion('jackson-2-bom.version'),
    'org.junit.jupiter:junit-jupiter-api'        : springVersion('junit-jupiter.version'),
    'org.jspecify:jspecify'                      : springVersion('jspecify.version'),
    'com.h2database:h2'                          : springVersion('h2.version'),
]
def expectedPerGroup = [
    'io.micrometer'       : springVersion('micrometer.version'),
    'org.jetbrains.kotlin': springVersion('kotlin.version'),
    'com.workplace.calendar': sdkVersion,
]
def sdkArtifacts = ['calendar-sdk-spring-boot-starter', 'calendar-sdk-micrometer', 'calendar-sdk-graph',
                    'calendar-sdk-core', 'calendar-sdk-testkit'].collect { "com.workplace.calendar:${it}".toString() }

// the tests ran (a build that found none would prove nothing), each of them
['RoomBookingTest', 'MetricsAndHealthTest'].each { name ->
  def report = new File(basedir, "target/surefire-reports/TEST-com.example.booking.${name}.xml")
  assert report.isFile() : "${name} did not run: no ${report}"
  def suite = new groovy.xml.XmlSlurper().parse(report)
  assert (suite.@tests.toInteger()) > 0 && suite.@skipped.toInteger() == 0 :
      "${name} ran ${suite.@tests} tests, skipped ${suite.@skipped}"
}

def list = new File(basedir, 'target/resolved-dependencies.txt')
assert list.isFile() : "dependency:list wrote no ${list}"

// lines like "   io.micrometer:micrometer-core:jar:1.16.6:compile -- module micrometer.core"
def resolved = [:]
list.eachLine { line ->
  def coordinates = line.trim().split(' ')[0].split(':')
  if (coordinates.length in [5, 6]) {
    resolved["${coordinates[0]}:${coordinates[1]}".toString()] = coordinates[coordinates.length - 2]
  }
}

def problems = []
(expected + sdkArtifacts.collectEntries { [(it): sdkVersion] }).each { artifact, version ->
  if (!resolved.containsKey(artifact)) {
    problems << "${artifact} is not resolved at all (expected ${version})"
  } else if (resolved[artifact] != version) {
    problems << "${artifact} resolves to ${resolved[artifact]}, Spring Boot ${springBootVersion} manages ${version}"
  }
}
resolved.each { artifact, version ->
  def group = artifact.substring(0, artifact.indexOf(':'))
  def groupVersion = expectedPerGroup[group]
  if (groupVersion != null && version != groupVersion && !expected.containsKey(artifact)) {
    problems << "${artifact} resolves to ${version}, expected ${groupVersion} for its group"
  }
}
if (!problems.isEmpty()) {
  throw new AssertionError("The Spring Boot host did not run on the versions Spring Boot ${springBootVersion} "
      + 'manages (the SDK must not decide them for a host):\n  ' + problems.join('\n  '))
}
println "Spring Boot host ran on Spring Boot ${springBootVersion}'s versions: ${expected.keySet().collect { it + ':' + resolved[it] }.join(', ')}"
return true
