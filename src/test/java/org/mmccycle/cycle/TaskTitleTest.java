package org.mmccycle.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class TaskTitleTest {

  private static final CycleRecord HARBOUR = new CycleRecord("harbour-dental", YearMonth.of(2026, 12), "Harbour Dental Practice",
      "pi-1", 3, null);

  @Test
  void namesTheStepTheClientTheMonthAndTheVisit() {
    assertThat(TaskTitle.of("Execute checklist", HARBOUR, "2026-12-14", false))
        .isEqualTo("Execute checklist · Harbour Dental Practice · December 2026 · visit Mon 14 Dec");
  }

  @Test
  void aScheduleTaskShowsTheDateAsAProposal() {
    assertThat(TaskTitle.of("Schedule visit", HARBOUR, "2026-12-14", true))
        .isEqualTo("Schedule visit · Harbour Dental Practice · December 2026 · proposed Mon 14 Dec");
  }

  @Test
  void withoutAReadableVisitDateTheTitleEndsWithTheMonth() {
    assertThat(TaskTitle.of("Resolve overdue filing", HARBOUR, null, false))
        .isEqualTo("Resolve overdue filing · Harbour Dental Practice · December 2026");
    assertThat(TaskTitle.of("File record", HARBOUR, "next week", false)).endsWith("December 2026");
  }

  @Test
  void neverLongerThanTheEnginesColumn() {
    var longName = new CycleRecord("x", YearMonth.of(2026, 12), "N".repeat(400), "pi-2", 1, null);
    String title = TaskTitle.of("Execute checklist", longName, "2026-12-14", false);
    assertThat(title).hasSize(TaskTitle.MAX_LENGTH).endsWith("…").startsWith("Execute checklist · NNN");
  }
}
