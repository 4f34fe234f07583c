package org.mmccycle.engine;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import org.springframework.scheduling.support.CronExpression;

/**
 * Timer cycles in the firm's time zone ({@code mmc.cycle.time-zone}): Camunda reads a cron expression
 * in the JVM's zone, so the monthly round ("0 0 6 1 * ?", 06:00 on the 1st) fired at 06:00 UTC on a
 * server running in UTC. The same cron grammar as Camunda's (Spring's, which Camunda reads with
 * cron-utils' Spring 5.3 definition); ISO 8601 repetitions ({@code R/PT1H}) as Camunda reads them.
 */
final class FirmTimeCalendar extends CycleBusinessCalendar {

  private final ZoneId zone;

  FirmTimeCalendar(ZoneId zone) {
    this.zone = zone;
  }

  /** Puts the calendars into the engine. */
  @Component
  static class Plugin extends AbstractProcessEnginePlugin {

    private final ZoneId zone;

    Plugin(Clock clock) {
      this.zone = clock.getZone();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      configuration.setBusinessCalendarManager(calendars(zone));
    }
  }

  /** Camunda's calendars, with this one for cycles. */
  static MapBusinessCalendarManager calendars(ZoneId zone) {
    var calendars = new MapBusinessCalendarManager();
    calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, new DurationBusinessCalendar());
    calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, new DueDateBusinessCalendar());
    calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new FirmTimeCalendar(zone));
    return calendars;
  }

  @Override
  public Date resolveDuedate(String cycle, Date startDate, long repeatOffset) {
    if (cycle.startsWith("R")) {
      return super.resolveDuedate(cycle, startDate, repeatOffset);
    }
    Date from = startDate == null ? ClockUtil.getCurrentTime() : startDate;
    try {
      ZonedDateTime next = CronExpression.parse(cycle).next(ZonedDateTime.ofInstant(from.toInstant(), zone));
      return next == null ? from : Date.from(next.toInstant());
    } catch (IllegalArgumentException e) {
      throw new ProcessEngineException("the timer cycle '" + cycle + "' is not a cron expression: " + e.getMessage(), e);
    }
  }
}
