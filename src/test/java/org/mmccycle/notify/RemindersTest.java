package org.mmccycle.notify;

import org.mmccycle.engine.EngineClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mmccycle.cycle.CycleCalendar;
import org.mmccycle.schedule.VisitRules;

class RemindersTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private final CycleCalendar clock = new CycleCalendar(new EngineClock(BERLIN));
  private final Reminders reminders = new Reminders(clock, VisitRules.defaults(), LocalTime.of(8, 0));

  private Date endOf(String day) {
    LocalDate date = LocalDate.parse(day);
    return clock.endOfDay(YearMonth.from(date), date.getDayOfMonth());
  }

  private LocalDateTime local(Date date) {
    return LocalDateTime.ofInstant(date.toInstant(), BERLIN);
  }

  @ParameterizedTest(name = "due {0}, {1} business days before: {2}")
  @CsvSource({
      "2026-11-20, 3, 2026-11-17", // Friday 20th: Tuesday
      "2026-11-23, 3, 2026-11-18", // Monday: back over the weekend to Wednesday
      "2026-11-30, 3, 2026-11-25", // month end on a Monday
      "2027-02-28, 3, 2027-02-24", // month end on a Sunday: Fri 26, Thu 25, Wed 24
      "2026-12-01, 1, 2026-11-30", // into the previous month
      "2027-01-04, 3, 2026-12-30", // into the previous year: Fri 1 January counts unless it is a listed holiday
      "2026-11-20, 0, 2026-11-20"})
  void remindsOnBusinessDaysBeforeTheDueDayAtEight(String due, int days, String expected) {
    assertThat(local(reminders.before(endOf(due), days))).isEqualTo(LocalDate.parse(expected).atTime(8, 0));
  }

  @Test
  void skipsPublicHolidays() {
    var withChristmas = new Reminders(clock, new VisitRules(21, 42, 3, 3,
        Set.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25"))), LocalTime.of(8, 0));

    // due Monday 28 December: Fri 25 and Thu 24 are holidays, so Wed 23, Tue 22, Mon 21
    assertThat(local(withChristmas.before(endOf("2026-12-28"), 3))).isEqualTo(LocalDateTime.parse("2026-12-21T08:00"));
  }

  @Test
  void aDeadlineAtTheEndOfADayIsDueThatDay() {
    assertThat(reminders.dueDay(endOf("2026-11-20"))).isEqualTo("2026-11-20");
    assertThat(reminders.dueDay(Date.from(LocalDateTime.parse("2026-11-20T15:00").atZone(BERLIN).toInstant()))).isEqualTo("2026-11-20");
  }

  @Test
  void refusesNoDeadlineOrNegativeDays() {
    assertThatThrownBy(() -> reminders.before(null, 3)).hasMessageContaining("no deadline");
    assertThatThrownBy(() -> reminders.before(endOf("2026-11-20"), -1)).hasMessageContaining("0 or more");
  }
}
