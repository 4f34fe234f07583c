package org.mmccycle.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelRulesTest {

  @ParameterizedTest
  @ValueSource(strings = {"0 0 6 1 * ?", "0 30 7 ? * MON", "R/PT1H", "R3/P1D", "R/2026-01-01T00:00:00Z/P1M", "${reminderCycle}", ""})
  void acceptsTimerCyclesOfAnHourOrMore(String cycle) {
    assertThat(ModelRules.cycleProblem(cycle)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"* * * * * ?", "0 * * * * ?", "*/5 0 6 1 * ?", "R/PT1S", "R5/PT59M", "R/PT0S", "R/not-a-period", "R/", "daily"})
  void refusesTimerCyclesThatRepeatMoreOftenOrCannotBeRead(String cycle) {
    assertThat(ModelRules.cycleProblem(cycle)).as(cycle).isPresent();
  }
}
