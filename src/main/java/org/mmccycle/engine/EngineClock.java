package org.mmccycle.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mmccycle.cycle.CycleSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's one clock: the engine's time ({@link ClockUtil}, which timers, due dates and
 * history use) in the firm's zone. A test that moves the engine's clock moves everything; nothing
 * else asks the system for the time (an ArchUnit rule, {@code ArchitectureTest}).
 */
public final class EngineClock extends Clock {

  private final ZoneId zone;

  public EngineClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public Instant instant() {
    return ClockUtil.now().toInstant();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId otherZone) {
    return new EngineClock(otherZone);
  }

  /** The bean: the engine's clock in {@code mmc.cycle.time-zone}. */
  @Configuration(proxyBeanMethods = false)
  static class Definition {

    @Bean
    Clock clock(CycleSettings settings) {
      return new EngineClock(settings.timeZone());
    }
  }
}
