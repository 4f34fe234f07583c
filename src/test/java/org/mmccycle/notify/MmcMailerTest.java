package org.mmccycle.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmccycle.AccountabilityFixture.clockAt;
import static org.mmccycle.AccountabilityFixture.email;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmccycle.AccountabilityFixture;
import org.mmccycle.client.ClientRepository;
import org.mmccycle.client.ContractClient;
import org.mmccycle.process.CycleOpener;
import org.mmccycle.process.Deadlines;
import org.mmccycle.security.MmcGroups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Mail through a real SMTP server (GreenMail) on loopback: who gets which mail, with what subject. */
@SpringBootTest(properties = {"mmc.mail.enabled=true", "spring.mail.host=127.0.0.1"})
@ActiveProfiles("test")
class MmcMailerTest {

  /** Started before the Spring context (which needs its port), stopped after the class. */
  static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

  static {
    smtp.start();
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  @DynamicPropertySource
  static void smtpPort(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
  }

  @Autowired ClientRepository clients;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired Deadlines deadlines;
  @Autowired CycleOpener opener;
  @Autowired WeeklyDigest digest;

  private AccountabilityFixture fixture;
  private String deploymentId;
  private String tina;
  private String tom;
  private String sam;

  @BeforeEach
  void people() throws Exception {
    fixture = new AccountabilityFixture(clients, identityService, jdbc);
    tina = fixture.user("tina", MmcGroups.TECHNICIANS);
    tom = fixture.user("tom", MmcGroups.TECHNICIANS);
    sam = fixture.user("sam", MmcGroups.SERVICE_MANAGERS);
    smtp.purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void cleanUp() {
    AccountabilityFixture.resetClock();
    identityService.clearAuthentication();
    if (deploymentId != null) {
      repositoryService.deleteDeployment(deploymentId, true);
    }
  }

  private void deployWiringModel() throws Exception {
    try (InputStream model = getClass().getResourceAsStream("/notify/task-mail-wiring.bpmn")) {
      deploymentId = repositoryService.createDeployment().addInputStream("task-mail-wiring.bpmn", model).deploy().getId();
    }
  }

  private String startWiring(ContractClient client, String month, int deadlineDay) {
    return runtimeService.startProcessInstanceByKey("Process_TaskMailWiring", client.slug() + ":" + month, Map.of(
        "clientSlug", client.slug(), "clientName", client.name(),
        "executionDeadline", deadlines.endOfDay(month, deadlineDay))).getId();
  }

  /** The subjects of the mails to one address, in the order received. */
  private List<String> subjectsTo(String userId) throws MessagingException {
    String address = email(userId);
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(message -> addressedTo(message, address))
        .map(message -> subject(message))
        .toList();
  }

  private static boolean addressedTo(MimeMessage message, String address) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(to -> to.toString().equals(address));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private MimeMessage onlyMailTo(String userId) {
    var mails = Arrays.stream(smtp.getReceivedMessages()).filter(message -> addressedTo(message, email(userId))).toList();
    assertThat(mails).hasSize(1);
    return mails.get(0);
  }

  private Job timer(String processInstanceId, int index) {
    return managementService.createJobQuery().processInstanceId(processInstanceId).timers().orderByJobDuedate().asc().list().get(index);
  }

  @Test
  void aStandardClientsTaskMailsEveryTechnicianThenTheOneWhoClaimsItThenRemindsAndEscalatesToTheServiceManagers() throws Exception {
    deployWiringModel();
    var harbour = fixture.client("Harbour Dental", tina, "standard");
    clockAt("2026-11-02T09:00");

    String cycle = startWiring(harbour, "2026-11", 20);

    assertThat(subjectsTo(tina)).containsExactly("[MMC] New task: Execute checklist for Harbour Dental is due 2026-11-20");
    assertThat(subjectsTo(tom)).containsExactly("[MMC] New task: Execute checklist for Harbour Dental is due 2026-11-20");
    assertThat(subjectsTo(sam)).isEmpty();
    assertThat(GreenMailUtil.getBody(onlyMailTo(tom))).contains("Cycle:    " + harbour.slug() + ":2026-11", "nobody yet (technicians)");

    smtp.purgeEmailFromAllMailboxes();
    String task = taskService.createTaskQuery().processInstanceId(cycle).singleResult().getId();
    taskService.claim(task, tina);

    assertThat(subjectsTo(tina)).containsExactly("[MMC] Assigned to you: Execute checklist for Harbour Dental is due 2026-11-20");
    assertThat(subjectsTo(tom)).isEmpty();

    smtp.purgeEmailFromAllMailboxes();
    Job reminder = timer(cycle, 0);
    assertThat(reminder.getDuedate()).isEqualTo(Date.from(AccountabilityFixture.clockAt("2026-11-17T08:00")));
    managementService.executeJob(reminder.getId());

    assertThat(subjectsTo(tina)).containsExactly("[MMC] Reminder: Execute checklist for Harbour Dental is due 2026-11-20");
    assertThat(subjectsTo(tom)).isEmpty();

    smtp.purgeEmailFromAllMailboxes();
    clockAt("2026-11-21T00:00");
    managementService.executeJob(timer(cycle, 0).getId());

    assertThat(subjectsTo(sam)).containsExactly("[MMC] Overdue: Execute checklist for Harbour Dental was due 2026-11-20");
    assertThat(GreenMailUtil.getBody(onlyMailTo(sam))).contains("Assignee: " + tina, "\"Resolve overdue\" task waits for service-managers");
    assertThat(subjectsTo(tina)).isEmpty();
    assertThat(taskService.createTaskQuery().processInstanceId(cycle).taskCandidateGroup(MmcGroups.SERVICE_MANAGERS).count()).isEqualTo(1);
  }

  @Test
  void aGoldClientsTaskGoesToItsOwnTechnicianAlone() throws Exception {
    deployWiringModel();
    var kessler = fixture.client("Kessler Law", tom, "gold");
    clockAt("2026-11-02T09:00");

    startWiring(kessler, "2026-11", 18);

    assertThat(subjectsTo(tom)).containsExactly("[MMC] Assigned to you: Execute checklist for Kessler Law is due 2026-11-18");
    assertThat(subjectsTo(tina)).isEmpty();
  }

  @Test
  void theWeeklyDigestTellsEachServiceManagerWhatIsOverdueAndWhatIsDueThisWeek() throws Exception {
    String otherManager = fixture.user("sue", MmcGroups.SERVICE_MANAGERS);
    var greenfield = fixture.client("Greenfield Builders", tina, "standard");
    clockAt("2026-10-01T08:00");
    AccountabilityFixture.openScheduled(opener, taskService, managementService, greenfield.slug(), YearMonth.of(2026, 10));
    clockAt("2026-11-01T08:00");
    AccountabilityFixture.openScheduled(opener, taskService, managementService, greenfield.slug(), YearMonth.of(2026, 11));
    taskService.claim(taskService.createTaskQuery().processInstanceBusinessKey(greenfield.slug() + ":2026-11").singleResult().getId(), tina);
    smtp.purgeEmailFromAllMailboxes();
    clockAt("2026-11-16T07:00");

    int sent = digest.send();

    assertThat(sent).isGreaterThanOrEqualTo(2);
    for (String manager : List.of(sam, otherManager)) {
      MimeMessage mail = onlyMailTo(manager);
      assertThat(mail.getSubject()).startsWith("[MMC] Weekly digest: ").endsWith(" due by 2026-11-23");
      String body = GreenMailUtil.getBody(mail);
      String overdue = body.substring(body.indexOf("Overdue ("), body.indexOf("Due by"));
      String due = body.substring(body.indexOf("Due by"));
      assertThat(overdue).contains("Execute checklist for Greenfield Builders (" + greenfield.slug() + ":2026-10), due 2026-10-20, unassigned");
      assertThat(due).contains("Execute checklist for Greenfield Builders (" + greenfield.slug() + ":2026-11), due 2026-11-20, assigned to " + tina);
    }
    assertThat(subjectsTo(tina)).isEmpty();
  }
}
