package org.mmccycle;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mmccycle.client.ClientRepository;
import org.mmccycle.client.ContractClient;
import org.mmccycle.client.Device;
import org.mmccycle.client.DeviceKind;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Shared set-up of the accountability tests (responsibility, mail, metrics, compliance, modelling):
 * clients and users with names no other test uses (the tests share one database), and the engine's clock.
 */
public final class AccountabilityFixture {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private final ClientRepository clients;
  private final IdentityService identityService;
  private final JdbcClient jdbc;

  public AccountabilityFixture(ClientRepository clients, IdentityService identityService, JdbcClient jdbc) {
    this.clients = clients;
    this.identityService = identityService;
    this.jdbc = jdbc;
  }

  public static String unique(String prefix) {
    return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
  }

  /** A new active client with a server, of a tier (gold or standard), its technician named. */
  public ContractClient client(String name, String technician, String tier) {
    var client = new ContractClient(unique(name.toLowerCase().replaceAll("[^a-z0-9]+", "-")), name, null, null, technician, true,
        List.of(new Device("SRV01", DeviceKind.SERVER)));
    clients.insert(client);
    jdbc.sql("update mmc_client set tier = ? where slug = ?").params(tier, client.slug()).update();
    return client;
  }

  /** A new Camunda user in a group, with an e-mail address of example.test; returns the user id (letters and digits). */
  public String user(String name, String group) {
    String id = unique(name).replace("-", "");
    var user = identityService.newUser(id);
    user.setFirstName(name);
    user.setLastName("Test");
    user.setEmail(id + "@example.test");
    user.setPassword("secret-" + id);
    identityService.saveUser(user);
    if (identityService.createGroupQuery().groupId(group).count() == 0) {
      identityService.saveGroup(identityService.newGroup(group));
    }
    identityService.createMembership(id, group);
    return id;
  }

  public static String email(String userId) {
    return userId + "@example.test";
  }

  /** Sets the engine's clock to a local time in Berlin (the firm's zone in tests). */
  public static Instant clockAt(String localDateTime) {
    Instant instant = LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    ClockUtil.setCurrentTime(Date.from(instant));
    return instant;
  }

  /**
   * Opens the client's cycle, runs its Prepare job as the job executor would, and keeps the proposed
   * visit date (Schedule visit), so that the cycle waits at Execute checklist.
   */
  public static String openScheduled(org.mmccycle.process.CycleOpener opener, org.camunda.bpm.engine.TaskService taskService,
      org.camunda.bpm.engine.ManagementService managementService, String clientSlug, java.time.YearMonth month) {
    String cycle = opener.open(clientSlug, month).processInstanceId();
    org.mmccycle.process.CycleTestFixture.prepare(managementService, cycle);
    var schedule = taskService.createTaskQuery().processInstanceId(cycle).taskDefinitionKey("Task_ScheduleVisit").singleResult();
    taskService.complete(schedule.getId(), java.util.Map.of("visitDate", taskService.getVariable(schedule.getId(), "proposedVisitDate")));
    return cycle;
  }

  public static void resetClock() {
    ClockUtil.reset();
  }
}
