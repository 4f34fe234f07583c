package org.mmccycle.cycle;

import org.mmccycle.engine.EngineClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CycleCalendarTest {

  private final CycleCalendar clock = new CycleCalendar(new EngineClock(ZoneId.of("Europe/Berlin")));

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aMonthGivenIsThatMonthAndNoneIsTheFirmsCurrentMonth() {
    // 23:30 UTC on 31 March is already April in Berlin
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-31T23:30:00Z")));

    assertThat(clock.monthOrCurrent(" 2027-06 ")).isEqualTo(YearMonth.of(2027, 6));
    assertThat(clock.monthOrCurrent(null)).isEqualTo(YearMonth.of(2027, 4));
    assertThat(clock.monthOrCurrent("  ")).isEqualTo(YearMonth.of(2027, 4));
    assertThatThrownBy(() -> clock.monthOrCurrent("2027-13")).hasMessageContaining("does not exist");
  }
}
