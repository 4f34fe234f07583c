package org.mmccycle.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmccycle.AccountabilityFixture.clockAt;
import static org.mmccycle.AccountabilityFixture.email;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmccycle.AccountabilityFixture;
import org.mmccycle.MmcSpringBootTest;
import org.mmccycle.TestSmtp;
import org.mmccycle.client.ClientRepository;
import org.mmccycle.client.ContractClient;
import org.mmccycle.process.CycleOpener;
import org.mmccycle.process.CycleTestFixture;
import org.mmccycle.security.MmcGroups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Task mail through the outbox to a real SMTP server (GreenMail) on loopback: who hears of what, that a
 * month's opening mails each person once, and that an SMTP server that is down loses nothing.
 */
class TaskMailTest extends MmcSpringBootTest {

  @Autowired ClientRepository clients;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;
  @Autowired TaskService taskService;
  @Autowired CycleOpener opener;
  @Autowired OutboxSender sender;
  @Autowired ReminderScan reminders;
  @Autowired WeeklyDigest digest;
  @Autowired MailOutbox outbox;
  @Autowired MailSettings settings;

  private AccountabilityFixture people;
  private String tina;
  private String tom;
  private String sam;

  @BeforeEach
  void people() {
    people = new AccountabilityFixture(clients, identityService, jdbc);
    tina = people.user("tina", MmcGroups.TECHNICIANS);
    tom = people.user("tom", MmcGroups.TECHNICIANS);
    sam = people.user("sam", MmcGroups.SERVICE_MANAGERS);
    forgetWaitingMail();
  }

  @AfterEach
  void smtpBack() {
    identityService.clearAuthentication();
    TestSmtp.restart();
  }

  @Test
  void aClientWithoutANamedTechnicianMailsTheGroupsOfItsTask() throws Exception {
    var birch = people.client("Birch Dental", null, "standard");
    clockAt("2032-04-01T06:00");
    openPrepared(birch, YearMonth.of(2032, 4));
    clockAt("2032-04-01T06:03");
    sender.sendDue();

    String schedule = "[MMC] New task: Schedule visit for Birch Dental (" + birch.slug() + ":2032-04), due 2032-04-05, for your group ";
    assertThat(subjectsTo(tina)).singleElement().asString().startsWith(schedule);
    assertThat(subjectsTo(tom)).singleElement().asString().startsWith(schedule);
    assertThat(subjectsTo(sam)).singleElement().asString().startsWith(schedule); // Schedule visit: technicians and service managers
  }

  @Test
  void aStandardClientsTaskMailsItsTechnicianThenWhomItIsGivenToThenRemindsAndEscalates() throws Exception {
    var harbour = people.client("Harbour Dental", tina, "standard");
    clockAt("2032-04-01T06:00");
    String cycle = openPrepared(harbour, YearMonth.of(2032, 4));
    assertThat(sender.sendDue()).as("new work waits for the opening to be over").isZero();

    clockAt("2032-04-01T06:03");
    sender.sendDue();

    assertThat(subjectsTo(tina)).containsExactly("[MMC] New task: Schedule visit for Harbour Dental (" + harbour.slug()
        + ":2032-04), due 2032-04-05, assigned to you");
    assertThat(subjectsTo(tom)).as("the client's own technician has it: her group hears nothing").isEmpty();
    assertThat(subjectsTo(sam)).isEmpty();

    TestSmtp.purge();
    String task = taskService.createTaskQuery().processInstanceId(cycle).singleResult().getId();
    identityService.setAuthentication(tina, List.of(MmcGroups.TECHNICIANS));
    taskService.claim(task, tina);
    identityService.setAuthentication(sam, List.of(MmcGroups.SERVICE_MANAGERS));
    taskService.setAssignee(task, tom);
    identityService.clearAuthentication();
    clockAt("2032-04-01T09:00");
    sender.sendDue();

    assertThat(subjectsTo(tina)).as("who claims a task hears nothing of it").isEmpty();
    assertThat(subjectsTo(tom)).containsExactly("[MMC] New task: Schedule visit for Harbour Dental (" + harbour.slug()
        + ":2032-04), due 2032-04-05, assigned to you");

    taskService.complete(task, Map.of("visitDate", taskService.getVariable(task, "proposedVisitDate")));
    forgetWaitingMail();
    clockAt("2032-04-15T07:59");
    assertThat(reminders.remindDue()).isZero();
    clockAt("2032-04-15T08:00"); // three business days before Tuesday the 20th
    assertThat(reminders.remindDue()).isEqualTo(1);
    assertThat(reminders.remindDue()).as("once").isZero();
    sender.sendDue();

    assertThat(subjectsTo(tina)).containsExactly("[MMC] Reminder: Execute checklist for Harbour Dental is due 2032-04-20");
    assertThat(subjectsTo(sam)).isEmpty();

    TestSmtp.purge();
    clockAt("2032-04-21T00:00");
    fixture.fireTimer(cycle, "Timer_ExecutionDeadline");
    sender.sendDue();

    assertThat(subjectsTo(sam)).containsExactly("[MMC] Overdue: Execute checklist for Harbour Dental was due 2032-04-20");
    assertThat(GreenMailUtil.getBody(TestSmtp.to(email(sam)).get(0))).contains("Task:     Execute checklist",
        "\"Resolve overdue\" task waits for service-managers");
    assertThat(subjectsTo(tina)).isEmpty();
  }

  @Test
  void aGoldClientsExecutionGoesToItsOwnTechnicianAlone() throws Exception {
    var kessler = people.client("Kessler Law", tom, "gold");
    clockAt("2032-05-03T06:00");
    String cycle = openPrepared(kessler, YearMonth.of(2032, 5));
    forgetWaitingMail();

    fixture.scheduleVisit(cycle, sam);
    clockAt("2032-05-03T06:03");
    sender.sendDue();

    assertThat(subjectsTo(tom)).containsExactly("[MMC] New task: Execute checklist for Kessler Law (" + kessler.slug()
        + ":2032-05), due 2032-05-20, assigned to you");
    assertThat(subjectsTo(tina)).isEmpty();
  }

  @Test
  void openingAMonthForTwoHundredClientsMailsEachPersonOnce() throws Exception {
    YearMonth month = YearMonth.of(2032, 6);
    clockAt("2032-06-01T06:00");
    for (int i = 0; i < 200; i++) {
      openPrepared(people.client("Client " + i, i % 2 == 0 ? tina : tom, "standard"), month);
    }
    clockAt("2032-06-01T06:03");

    sender.sendDue();

    Map<String, Long> mailsPerAddress = Arrays.stream(TestSmtp.server().getReceivedMessages())
        .collect(Collectors.groupingBy(TaskMailTest::to, Collectors.counting()));
    assertThat(mailsPerAddress.values()).as("mails per person").containsOnly(1L);
    assertThat(subjectsTo(tina)).as("her own clients' tasks").containsExactly("[MMC] New work: 100 tasks");
    assertThat(subjectsTo(tom)).containsExactly("[MMC] New work: 100 tasks");
    assertThat(GreenMailUtil.getBody(TestSmtp.to(email(tom)).get(0))).contains("There are 100 new tasks for you:",
        "Schedule visit for Client 199 (").doesNotContain("Schedule visit for Client 198 (");
  }

  @Test
  void anSmtpServerThatIsDownFailsNothingAndTheMailsGoOutWhenItIsBack() throws Exception {
    YearMonth month = YearMonth.of(2032, 7);
    TestSmtp.stop();
    clockAt("2032-07-01T06:00");
    List<String> cycles = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      cycles.add(openPrepared(people.client("Offline " + i, tina, "standard"), month));
    }

    assertThat(taskService.createTaskQuery().processInstanceIdIn(cycles.toArray(String[]::new)).count()).isEqualTo(20);
    assertThat(waiting()).as("the opening wrote its mails (one per task, to tina) and sent none").isGreaterThanOrEqualTo(20);

    clockAt("2032-07-01T06:03");
    assertThat(sender.sendDue()).isZero();
    assertThat(jdbc.sql("select count(*) from mmc_mail_outbox where attempts > 0").query(Long.class).single())
        .as("a server that is down uses up no attempt").isZero();

    TestSmtp.restart();
    assertThat(sender.sendDue()).isPositive();

    assertThat(subjectsTo(tina)).containsExactly("[MMC] New work: 20 tasks");
    assertThat(waiting()).isZero();
  }

  @Test
  void aMailTheServerRefusesIsTriedAgainLaterAndGivenUpAfterTheLastAttempt() {
    Instant now = clockAt("2032-10-01T08:00");
    outbox.add(List.of(new Mail("not an address", "[MMC] Reminder", "…")), now);

    for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
      assertThat(sender.sendDue()).isZero();
      var row = jdbc.sql("select attempts, due_at, last_error from mmc_mail_outbox").query((rs, n) -> Map.of(
          "attempts", rs.getInt("attempts"), "due", rs.getTimestamp("due_at").toInstant(), "error", rs.getString("last_error"))).single();
      assertThat(row.get("attempts")).isEqualTo(attempt);
      assertThat(row.get("due")).isEqualTo(now.plus(settings.retryAfter(attempt)));
      assertThat((String) row.get("error")).isNotBlank();
      assertThat(sender.sendDue()).as("not before its retry is due").isZero();
      now = (Instant) row.get("due");
      ClockUtil.setCurrentTime(Date.from(now));
    }

    assertThat(sender.sendDue()).isZero();
    assertThat(outbox.givenUp(settings.maxAttempts())).isEqualTo(1);
    assertThat(outbox.waiting(settings.maxAttempts())).isZero();
    assertThat(settings.retryAfter(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(settings.retryAfter(7)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void theWeeklyDigestTellsEachServiceManagerWhatIsOverdueAndWhatIsDueThisWeek() throws Exception {
    String otherManager = people.user("sue", MmcGroups.SERVICE_MANAGERS);
    var greenfield = people.client("Greenfield Builders", null, "standard"); // no named technician: nobody holds a task until claimed
    clockAt("2032-08-02T08:00");
    String august = openPrepared(greenfield, YearMonth.of(2032, 8));
    fixture.scheduleVisit(august, tina);
    clockAt("2032-09-01T08:00");
    String september = openPrepared(greenfield, YearMonth.of(2032, 9));
    fixture.scheduleVisit(september, tina);
    taskService.claim(taskService.createTaskQuery().processInstanceId(september).singleResult().getId(), tina);
    forgetWaitingMail();
    clockAt("2032-09-15T07:00");

    assertThat(digest.send()).isGreaterThanOrEqualTo(2);
    sender.sendDue();

    for (String manager : List.of(sam, otherManager)) {
      List<MimeMessage> mails = TestSmtp.to(email(manager));
      assertThat(mails).hasSize(1);
      assertThat(mails.get(0).getSubject()).startsWith("[MMC] Weekly digest: ").endsWith(" due by 2032-09-22");
      String body = GreenMailUtil.getBody(mails.get(0));
      String overdue = body.substring(body.indexOf("Overdue ("), body.indexOf("Due by"));
      String due = body.substring(body.indexOf("Due by"));
      assertThat(overdue).contains("Execute checklist for Greenfield Builders (" + greenfield.slug() + ":2032-08), due 2032-08-20, unassigned");
      assertThat(due).contains("Execute checklist for Greenfield Builders (" + greenfield.slug() + ":2032-09), due 2032-09-20, assigned to " + tina);
    }
    assertThat(subjectsTo(tina)).isEmpty();
  }

  private String openPrepared(ContractClient client, YearMonth month) {
    String cycle = opener.open(client.slug(), month).processInstanceId();
    CycleTestFixture.prepare(fixture.managementService(), cycle);
    return cycle;
  }

  /** Mail other test classes' cycles wrote, and what this test did before the step it checks. */
  private void forgetWaitingMail() {
    jdbc.sql("delete from mmc_mail_outbox").update();
    TestSmtp.purge();
  }

  private long waiting() {
    return jdbc.sql("select count(*) from mmc_mail_outbox where sent_at is null").query(Long.class).single();
  }

  private static List<String> subjectsTo(String userId) {
    return TestSmtp.to(email(userId)).stream().map(TestSmtp::subject).toList();
  }

  private static String to(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
