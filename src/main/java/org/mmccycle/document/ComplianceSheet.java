package org.mmccycle.document;

import java.time.Instant;
import java.util.List;

/**
 * The monthly compliance report as printed: one row per client and job.
 *
 * @param month the month, "yyyy-MM"
 * @param generatedAt when the report was made
 * @param rows the rows, in print order
 */
public record ComplianceSheet(String month, Instant generatedAt, List<Row> rows) {

  /**
   * One client's job: its status (on time, late, missing, open), due and completion, as text, and what
   * was done about it when its deadline passed ("" when it did not, or nobody resolved it yet).
   */
  public record Row(String clientName, String clientSlug, String job, String status, String due, String completedAt, String completedBy,
      String resolution) {}

  public ComplianceSheet {
    rows = List.copyOf(rows);
  }
}
