package org.mmccycle.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Month;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

  private static long monthsDue(Recurrence recurrence) {
    return Arrays.stream(Month.values()).filter(recurrence::isDueIn).count();
  }

  @Test
  void quarterlyItemIsDueInExactlyFourOfTwelveMonths() {
    for (int start = 1; start <= 12; start++) {
      Recurrence quarterly = Recurrence.anchored(Frequency.QUARTERLY, start);
      assertThat(monthsDue(quarterly)).isEqualTo(4);
      assertThat(quarterly.isDueIn(Month.of(start))).isTrue();
    }
    assertThat(Recurrence.anchored(Frequency.QUARTERLY, 11).months()).containsExactly(2, 5, 8, 11);
    assertThat(monthsDue(new Recurrence(Frequency.QUARTERLY, List.of(1, 4, 7, 10)))).isEqualTo(4);
  }

  @Test
  void monthlyIsDueEveryMonthAndYearlyOnce() {
    assertThat(monthsDue(Recurrence.MONTHLY)).isEqualTo(12);
    assertThat(monthsDue(Recurrence.anchored(Frequency.YEARLY, 9))).isEqualTo(1);
  }

  @Test
  void refusesMonthsThatDoNotFitTheFrequency() {
    assertThatThrownBy(() -> new Recurrence(Frequency.QUARTERLY, List.of(1, 2, 3, 4))).hasMessageContaining("every three months");
    assertThatThrownBy(() -> new Recurrence(Frequency.QUARTERLY, List.of(1, 4, 7))).hasMessageContaining("4 different month");
    assertThatThrownBy(() -> new Recurrence(Frequency.YEARLY, List.of(13))).hasMessageContaining("1 (January) to 12");
  }

  @Test
  void storedFormRoundTrips() {
    Recurrence quarterly = new Recurrence(Frequency.QUARTERLY, List.of(10, 1, 7, 4));
    assertThat(quarterly.storedMonths()).isEqualTo("1,4,7,10");
    assertThat(Recurrence.fromStored("QUARTERLY", "1,4,7,10")).isEqualTo(quarterly);
  }

  @Test
  void storedFormIsReadOnceAndStillChecked() {
    assertThat(Recurrence.fromStored("YEARLY", "5")).isSameAs(Recurrence.fromStored("YEARLY", "5"))
        .isEqualTo(Recurrence.anchored(Frequency.YEARLY, 5));
    assertThatThrownBy(() -> Recurrence.fromStored("QUARTERLY", "1,2,3,4")).hasMessageContaining("every three months");
    assertThatThrownBy(() -> Recurrence.fromStored("QUARTERLY", "1,2,3,4")).as("a refused value is not kept")
        .hasMessageContaining("every three months");
  }
}
