package org.mmccycle.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmccycle.process.CycleClock;
import org.mmccycle.schedule.VisitRules;

/** With mmc.mail.enabled=false (the default) nothing is composed, nobody is looked up, nothing is sent. */
class MailDisabledTest {

  @Test
  void composesAndSendsNothing() {
    var clock = new CycleClock(ZoneId.of("Europe/Berlin"));
    var mailer = new MmcMailer(new MailSettings(false, "MMC Cycle <mmc@localhost>", "http://localhost/", 7),
        null, null, clock, new Reminders(clock, VisitRules.defaults(), LocalTime.of(8, 0)));
    var task = new TaskNotice("Execute checklist", "Harbour Dental", "harbour-dental:2026-11", new Date(), null, List.of("technicians"));

    assertThat(mailer.enabled()).isFalse();
    assertThat(mailer.taskCreated(task)).isEmpty();
    assertThat(mailer.reminder(task)).isEmpty();
    assertThat(mailer.escalation(task, "service-managers")).isEmpty();
    assertThat(mailer.digest("service-managers", List.of())).isEmpty();
    assertThat(mailer.send(List.of(new Mail("someone@example.test", "[MMC] x", "y")))).isZero();
  }
}
