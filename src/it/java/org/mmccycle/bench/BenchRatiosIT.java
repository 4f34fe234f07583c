package org.mmccycle.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The regression guard of the bench profile reads the recorded ratios and fails on a ratio 20 % worse (run by `mvn verify`). */
class BenchRatiosIT {

  private static final String DOC = """
      # Performance

      | key | what | recorded | when |
      | --- | --- | ---: | --- |
      | `outside` | a table elsewhere | 9.00× | never read |

      <!-- ratios:begin -->
      | key | what | recorded | measured |
      | --- | --- | ---: | --- |
      | `opening.1000` | round / bare engine, same database, 1,000 clients | 1.60× | 2026-12-03 |
      | `render.record` | filed 70-item record / bare one-page PDF/A | 2× | 2026-12-03 |
      <!-- ratios:end -->
      """;

  @Test
  void readsOnlyTheRecordedTable() {
    assertThat(BenchRatios.recorded(DOC)).containsExactly(Map.entry("opening.1000", 1.60), Map.entry("render.record", 2.0));
    assertThat(BenchRatios.recorded("# no table")).isEmpty();
  }

  @Test
  void failsARatioMoreThanTwentyPercentWorseOnly() {
    Map<String, Double> recorded = BenchRatios.recorded(DOC);
    List<String> worse = BenchRatios.regressions(recorded, List.of(
        new BenchRatios.Ratio("opening.1000", "round / bare", 19.5, 10.0, "s"),   // 1.95× against 1.60×: 22 % worse
        new BenchRatios.Ratio("render.record", "record / bare", 47.0, 20.0, "ms"), // 2.35× against 2×: 17.5 %, allowed
        new BenchRatios.Ratio("opening.100", "round / bare", 50.0, 1.0, "s")));    // not recorded: not judged
    assertThat(worse).hasSize(1);
    assertThat(worse.get(0)).startsWith("opening.1000").contains("1.95× now", "1.60× recorded", "22 % worse");
    assertThat(BenchRatios.regressions(recorded, List.of(new BenchRatios.Ratio("opening.1000", "better", 1.0, 10.0, "s")))).isEmpty();
  }

  @Test
  void theTableSaysWhichRatioIsWorse() {
    String table = BenchRatios.table(BenchRatios.recorded(DOC), List.of(
        new BenchRatios.Ratio("opening.1000", "round / bare", 19.5, 10.0, "s"),
        new BenchRatios.Ratio("opening.100", "round / bare", 3.0, 1.0, "s")));
    assertThat(table).contains("| `opening.1000` | round / bare | 19.5 s | 10.0 s | 1.95× | 1.60× | **worse by more than 20 %** |")
        .contains("| `opening.100` | round / bare | 3.0 s | 1.0 s | 3.00× | – | not recorded yet |");
  }
}
