package org.mmccycle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ratios that hold on a noisy machine: each benchmark divides what it measured by a baseline measured
 * in the same run on the same machine (the bare engine on the same database, a bare FOP render, the
 * bare Spring Boot + Camunda starter), so that a slow day slows both. The ratios recorded in
 * docs/performance.md (the table between {@code <!-- ratios:begin -->} and {@code <!-- ratios:end -->},
 * one row per key) are the regression guard: a run whose ratio is more than {@link #TOLERANCE} times
 * the recorded one fails the bench profile. A lower ratio never fails; record it by editing the table.
 */
final class BenchRatios {

  /** Worse by more than 20 % fails. */
  static final double TOLERANCE = 1.20;

  /** One ratio of a run: what it compares, the two sides and their quotient (ours / baseline). */
  record Ratio(String key, String what, double ours, double baseline, String unit) {
    double value() {
      return ours / baseline;
    }
  }

  private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|[^|]*\\|\\s*([0-9]+(?:\\.[0-9]+)?)×\\s*\\|", Pattern.MULTILINE);
  private static final String BEGIN = "<!-- ratios:begin -->";
  private static final String END = "<!-- ratios:end -->";

  private BenchRatios() {}

  /** The recorded ratios (key → ratio) of a document's ratio table; empty when it has none. */
  static Map<String, Double> recorded(String markdown) {
    Map<String, Double> recorded = new LinkedHashMap<>();
    int begin = markdown.indexOf(BEGIN);
    int end = markdown.indexOf(END);
    if (begin < 0 || end < begin) {
      return recorded;
    }
    Matcher row = ROW.matcher(markdown.substring(begin, end));
    while (row.find()) {
      recorded.put(row.group(1), Double.parseDouble(row.group(2)));
    }
    return recorded;
  }

  /** The ratios of this run more than {@link #TOLERANCE} times their recorded value, each said in a sentence. */
  static List<String> regressions(Map<String, Double> recorded, List<Ratio> measured) {
    List<String> worse = new ArrayList<>();
    for (Ratio ratio : measured) {
      Double before = recorded.get(ratio.key());
      if (before != null && ratio.value() > before * TOLERANCE) {
        worse.add(String.format(Locale.ROOT, "%s (%s): %.2f× now, %.2f× recorded in docs/performance.md: %.0f %% worse, more than the %.0f %% allowed",
            ratio.key(), ratio.what(), ratio.value(), before, (ratio.value() / before - 1) * 100, (TOLERANCE - 1) * 100));
      }
    }
    return worse;
  }

  /** The run's ratios as a Markdown table, beside the recorded ones and the verdict. */
  static String table(Map<String, Double> recorded, List<Ratio> measured) {
    StringBuilder table = new StringBuilder("| key | what | ours | baseline | ratio | recorded | verdict |\n"
        + "| --- | --- | ---: | ---: | ---: | ---: | --- |\n");
    for (Ratio ratio : measured) {
      Double before = recorded.get(ratio.key());
      String verdict = before == null ? "not recorded yet"
          : ratio.value() > before * TOLERANCE ? "**worse by more than 20 %**" : "ok";
      table.append(String.format(Locale.ROOT, "| `%s` | %s | %,.1f %s | %,.1f %s | %.2f× | %s | %s |%n", ratio.key(), ratio.what(),
          ratio.ours(), ratio.unit(), ratio.baseline(), ratio.unit(), ratio.value(),
          before == null ? "–" : String.format(Locale.ROOT, "%.2f×", before), verdict));
    }
    return table.toString();
  }

  /**
   * Writes the run's ratios into docs/bench-results.md (block {@code ratios-<benchmark>}), then fails
   * when one is worse than recorded by more than {@link #TOLERANCE}: the bench profile exits non-zero.
   */
  static void report(String benchmark, String title, List<Ratio> measured) throws IOException {
    Path performance = Path.of(System.getProperty("bench.performanceDoc", "docs/performance.md"));
    Map<String, Double> recorded = Files.exists(performance) ? recorded(Files.readString(performance)) : Map.of();
    BenchReport.write("ratios-" + benchmark, "### Ratios: " + title + "\n\n" + BenchReport.machine(BenchReport.loadAverage()) + "\n\n"
        + table(recorded, measured));
    List<String> worse = regressions(recorded, measured);
    if (!worse.isEmpty()) {
      throw new AssertionError("Benchmark ratios worse than recorded:\n" + String.join("\n", worse));
    }
  }
}
