package org.mmccycle.notify;

import org.mmccycle.engine.EngineClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmccycle.cycle.CycleCalendar;
import org.mmccycle.schedule.VisitRules;

/** With mmc.mail.enabled=false (the default) nothing is composed, nobody is looked up, nothing is sent. */
class MailDisabledTest {

  @Test
  void composesAndSendsNothing() {
    var clock = new CycleCalendar(new EngineClock(ZoneId.of("Europe/Berlin")));
    var settings = new MailSettings(false, "MMC Cycle <mmc@localhost>", "http://localhost/", 7, 3, Duration.ofSeconds(10),
        Duration.ofMinutes(2), Duration.ofMinutes(30), 10, Duration.ofMinutes(1), Duration.ofHours(1));
    // no directory and no outbox: looking anybody up or writing any mail would fail the test
    var mailer = new MmcMailer(settings, null, null, clock, new Reminders(clock, VisitRules.defaults(), LocalTime.of(8, 0)));
    var task = new TaskNotice("Execute checklist", "Harbour Dental", "harbour-dental:2026-11", new Date(), null, List.of("technicians"));

    assertThat(mailer.enabled()).isFalse();
    mailer.newWork(task);
    mailer.reminder(task);
    mailer.escalation("Execute checklist", "Harbour Dental", List.of(task), List.of("service-managers"));
    mailer.digest("service-managers", List.of());
  }
}
