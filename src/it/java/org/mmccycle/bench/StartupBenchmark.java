package org.mmccycle.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 8, part 3: time from launch to ready, and resident memory, of the packaged app (java -jar
 * target/*.jar, profile demo, a fresh temp working directory, a free loopback port) beside the bare
 * Camunda starter {@code bench.bare.BareCamundaApplication}, alternately, in the same run. Ready: the
 * first HTTP answer (any status) of GET /engine-rest/engine, polled every 50 ms. RSS: VmRSS from
 * /proc/&lt;pid&gt;/status at ready and 5 s later. Both JVMs with the same (default) flags unless
 * {@code bench.jvmArgs} is set. Every launch is bounded (120 s) and destroyed afterwards.
 */
class StartupBenchmark {

  record Launch(String what, double readySeconds, long rssAtReadyMb, long rssLaterMb) {}

  private static final String BARE = "bare Camunda starter (webapp + rest, H2 file)";
  private static final String FAT_JAR = "MMC Cycle (java -jar, profile demo)";
  private static final String EXTRACTED = "MMC Cycle extracted (java -Djarmode=tools -jar … extract; java -jar the extracted jar, profile demo)";

  @Test
  @Timeout(value = 15, unit = TimeUnit.MINUTES)
  void readyAndResidentMemory() throws Exception {
    String loadAtStart = BenchReport.loadAverage();
    String jar = System.getProperty("mmc.jar");
    assertThat(jar).as("mmc.jar (set by the bench profile)").isNotNull();
    assertThat(Path.of(jar)).exists();
    String classpath = System.getProperty("bench.testClasses") + File.pathSeparator
        + Files.readString(Path.of(System.getProperty("bench.classpath"))).trim();
    List<String> jvmArgs = List.of(System.getProperty("bench.jvmArgs", "").split(" ")).stream()
        .filter(a -> !a.isBlank()).toList();
    int rounds = Integer.getInteger("bench.startupRounds", 3);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    // the same jar extracted as Spring Boot recommends for deployment: its classes on a plain class path, as the bare app's are
    Path extracted = Files.createTempDirectory("mmc-bench-extracted");
    Process extract = new ProcessBuilder(java, "-Djarmode=tools", "-jar", jar, "extract", "--destination",
        extracted.resolve("app").toString()).redirectErrorStream(true).redirectOutput(extracted.resolve("extract.log").toFile()).start();
    assertThat(extract.waitFor(120, TimeUnit.SECONDS) && extract.exitValue() == 0).as("jar extracted").isTrue();
    String extractedJar = extracted.resolve("app").resolve(Path.of(jar).getFileName()).toString();

    List<Launch> launches = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      List<String> app = new ArrayList<>(List.of(java));
      app.addAll(jvmArgs);
      app.addAll(List.of("-jar", jar, "--spring.profiles.active=demo"));
      launches.add(launch(FAT_JAR, app));
      List<String> unpacked = new ArrayList<>(List.of(java));
      unpacked.addAll(jvmArgs);
      unpacked.addAll(List.of("-jar", extractedJar, "--spring.profiles.active=demo"));
      launches.add(launch(EXTRACTED, unpacked));
      List<String> bare = new ArrayList<>(List.of(java));
      bare.addAll(jvmArgs);
      bare.addAll(List.of("-cp", classpath, "bench.bare.BareCamundaApplication"));
      launches.add(launch(BARE, bare));
    }
    BenchReport.write("startup", table(launches, loadAtStart, jvmArgs));
    BenchReport.deleteQuietly(extracted);
    double bare = medianReady(launches, BARE);
    double bareRss = maxRss(launches, BARE);
    BenchRatios.report("startup", "start-up and memory against the bare starter (" + rounds + " launches each, alternately)", List.of(
        new BenchRatios.Ratio("startup.fat-jar", "ready, java -jar / bare starter (medians)", medianReady(launches, FAT_JAR), bare, "s"),
        new BenchRatios.Ratio("startup.extracted", "ready, extracted jar / bare starter (medians)", medianReady(launches, EXTRACTED), bare, "s"),
        new BenchRatios.Ratio("startup.fat-jar.rss", "RSS at ready, java -jar / bare starter (max)", maxRss(launches, FAT_JAR), bareRss, "MB"),
        new BenchRatios.Ratio("startup.extracted.rss", "RSS at ready, extracted jar / bare starter (max)", maxRss(launches, EXTRACTED),
            bareRss, "MB")));
  }

  private static double maxRss(List<Launch> launches, String what) {
    return launches.stream().filter(l -> l.what().equals(what)).mapToLong(Launch::rssAtReadyMb).max().orElse(-1);
  }

  private static Launch launch(String what, List<String> command) throws Exception {
    int port = freePort();
    List<String> cmd = new ArrayList<>(command);
    cmd.add("--server.port=" + port);
    cmd.add("--server.address=127.0.0.1");
    Path dir = Files.createTempDirectory("mmc-bench-start");
    Path log = dir.resolve("out.log");
    long t0 = System.nanoTime();
    Process process = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    boolean measured = false;
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
      HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/engine-rest/engine"))
          .timeout(Duration.ofSeconds(5)).GET().build();
      long deadline = t0 + TimeUnit.SECONDS.toNanos(120);
      double ready = -1;
      while (System.nanoTime() < deadline && process.isAlive()) {
        try {
          http.send(probe, HttpResponse.BodyHandlers.discarding());
          ready = (System.nanoTime() - t0) / 1e9;
          break;
        } catch (IOException notYet) {
          Thread.sleep(50);
        }
      }
      assertThat(ready).as("%s ready within 120 s; log %s", what, log).isPositive();
      long rssAtReady = rssMb(process.pid());
      Thread.sleep(5000);
      long rssLater = rssMb(process.pid());
      System.out.printf("%s: ready %.1f s, RSS %d MB, 5 s later %d MB (load %s)%n", what, ready, rssAtReady, rssLater,
          BenchReport.loadAverage());
      measured = true;
      return new Launch(what, ready, rssAtReady, rssLater);
    } finally {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      if (measured && !process.isAlive()) {
        BenchReport.deleteQuietly(dir); // a launch that failed keeps its out.log (the assertion names it)
      }
    }
  }

  private static long rssMb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String table(List<Launch> launches, String loadAtStart, List<String> jvmArgs) {
    StringBuilder md = new StringBuilder("### Start-up and resident memory (issue 8, part 3)\n\n");
    md.append("Command: `").append(BenchReport.COMMAND).append("` (class `org.mmccycle.bench.StartupBenchmark`). ")
        .append("Launched alternately, each in a fresh temp working directory (fresh H2 file) on a free loopback port; ")
        .append("ready = first HTTP answer of GET /engine-rest/engine (polled every 50 ms); RSS = VmRSS of ")
        .append("/proc/<pid>/status at ready and 5 s later. JVM flags: ")
        .append(jvmArgs.isEmpty() ? "none (JVM defaults on this machine)" : "`" + String.join(" ", jvmArgs) + "`")
        .append(". Bare: `bench.bare.BareCamundaApplication` (src/test/java), Camunda webapp + rest starters, ")
        .append("started with the test classpath.\n\n");
    md.append(BenchReport.machine(loadAtStart)).append("\n\n");
    md.append("| run | what | ready | RSS at ready | RSS 5 s later |\n| ---: | --- | ---: | ---: | ---: |\n");
    int i = 0;
    for (Launch l : launches) {
      md.append(BenchReport.f("| %d | %s | %s | %,d MB | %,d MB |%n", i++ / 3 + 1, l.what(), BenchReport.s(l.readySeconds()),
          l.rssAtReadyMb(), l.rssLaterMb()));
    }
    double fatJar = medianReady(launches, FAT_JAR);
    double unpacked = medianReady(launches, EXTRACTED);
    double bare = medianReady(launches, BARE);
    md.append(BenchReport.f("%nMedian ready: app %s (extracted %s), bare %s; ratio %.2f× (extracted: %.2f×).%n", BenchReport.s(fatJar),
        BenchReport.s(unpacked), BenchReport.s(bare), fatJar / bare, unpacked / bare));
    return md.toString();
  }

  private static double medianReady(List<Launch> launches, String what) {
    return BenchReport.percentile(launches.stream().filter(l -> l.what().equals(what)).mapToDouble(Launch::readySeconds).sorted()
        .toArray(), 50);
  }
}
