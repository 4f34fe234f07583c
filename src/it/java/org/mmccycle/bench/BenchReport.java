package org.mmccycle.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a benchmark's results into docs/bench-results.md, between the markers
 * {@code <!-- bench:KEY:begin -->} and {@code <!-- bench:KEY:end -->} (appended when missing), with
 * the machine it ran on and the load average when it started. Also echoes it to stdout.
 */
final class BenchReport {

  static final String COMMAND = "mvn -B -Pbench verify";

  private BenchReport() {}

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * What this JVM has used: CPU seconds of all its threads, and MB written through system calls
   * ({@code wchar} of /proc/self/io, -1 elsewhere). Steadier than the wall clock on a shared machine.
   */
  record Usage(double cpuSeconds, double writtenMb) {
    static Usage now() {
      double cpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime() / 1e9;
      double written = -1;
      try {
        for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
          if (line.startsWith("wchar:")) {
            written = Long.parseLong(line.substring(6).trim()) / 1e6;
          }
        }
      } catch (IOException | RuntimeException e) {
        // not Linux: no figure
      }
      return new Usage(cpu, written);
    }

    Usage since(Usage start) {
      return new Usage(cpuSeconds - start.cpuSeconds, writtenMb - start.writtenMb);
    }

    @Override
    public String toString() {
      return String.format("%.1f CPU s, %,.0f MB written", cpuSeconds, writtenMb);
    }
  }

  static String machine(String loadAtStart) {
    return "Machine: `nproc` = " + Runtime.getRuntime().availableProcessors() + ", `lscpu | grep 'Model name'` = "
        + modelName() + ", Java " + System.getProperty("java.version") + "; load average (1, 5, 15 min) at start: "
        + loadAtStart + ", at end: " + loadAverage() + "; " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16) + ".";
  }

  static String modelName() {
    try {
      Process lscpu = new ProcessBuilder("sh", "-c", "lscpu | grep 'Model name'").redirectErrorStream(true).start();
      String out = new String(lscpu.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      lscpu.waitFor(10, TimeUnit.SECONDS);
      int colon = out.indexOf(':');
      return colon < 0 ? out : out.substring(colon + 1).trim();
    } catch (IOException | InterruptedException e) {
      return "unknown";
    }
  }

  static synchronized void write(String key, String markdown) throws IOException {
    System.out.println(markdown);
    Path doc = Path.of(System.getProperty("bench.doc", "docs/bench-results.md"));
    String begin = "<!-- bench:" + key + ":begin -->";
    String end = "<!-- bench:" + key + ":end -->";
    String text = Files.exists(doc) ? Files.readString(doc) : "# Benchmark results\n";
    String block = begin + "\n" + markdown.strip() + "\n" + end;
    int b = text.indexOf(begin);
    int e = text.indexOf(end);
    if (b >= 0 && e > b) {
      text = text.substring(0, b) + block + text.substring(e + end.length());
    } else {
      text = text.stripTrailing() + "\n\n" + block + "\n";
    }
    Files.writeString(doc, text);
  }

  /** The H2 URL of application.yaml (its settings: write delay, query cache, …) for a database at {@code file}. */
  static String applicationH2Url(Path file) throws IOException {
    String yaml = Files.readString(Path.of(System.getProperty("bench.applicationYaml", "src/main/resources/application.yaml")));
    Matcher url = Pattern.compile("url: jdbc:h2:file:\\./data/mmc-cycle(;\\S*)").matcher(yaml);
    if (!url.find()) {
      throw new IllegalStateException("no H2 file URL in application.yaml");
    }
    return "jdbc:h2:file:" + file + url.group(1);
  }

  /** Best effort: removes a benchmark's temp folder (H2 files of several GB after 10,000 clients). */
  static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | RuntimeException e) {
      System.out.println("could not remove " + dir + ": " + e);
    }
  }

  static String ms(double millis) {
    return String.format(Locale.ROOT, "%,.1f ms", millis);
  }

  static String s(double seconds) {
    return String.format(Locale.ROOT, "%,.1f s", seconds);
  }

  static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  static double percentile(double[] sorted, double p) {
    return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
  }
}
