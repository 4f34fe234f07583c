package org.mmccycle.onboarding;

import org.mmccycle.MmcSpringBootTest;
import org.mmccycle.process.OnboardClientDelegate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmccycle.TestUsers;
import org.mmccycle.checklist.ChecklistRevisions;
import org.mmccycle.client.ClientRepository;
import org.springframework.beans.factory.annotation.Autowired;

class ClientOnboardingTest extends MmcSpringBootTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired ClientRepository clients;
  @Autowired ChecklistRevisions revisions;
  @Autowired IdentityService identity;

  @BeforeEach
  void technicians() {
    TestUsers.technicians(identity);
  }

  private ProcessInstance start(String slug, String devices) {
    return runtime.startProcessInstanceByKey(OnboardClientDelegate.PROCESS, Map.of(
        "clientName", "Onboarded " + slug, "clientSlug", slug, "contact", "Mara", "siteAddress", "1 Quay Street",
        "devices", devices, "technician", "tina", "visitPreference", "2 TUESDAY"));
  }

  private void completeReview(ProcessInstance pi, boolean approved, Map<String, Object> corrections) {
    assertThat(pi).isWaitingAt("Task_ReviewOnboarding");
    Task review = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    var variables = new java.util.HashMap<String, Object>(corrections);
    variables.put("approved", approved);
    tasks.complete(review.getId(), variables);
  }

  private void runCreateClientJob(ProcessInstance pi) {
    assertThat(pi).isWaitingAt("Task_CreateClient");
    management.executeJob(management.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());
  }

  @Test
  void shouldCreateClientAndFirstRevisionWhenApproved() {
    String slug = "onb-" + System.nanoTime() % 1_000_000;
    ProcessInstance pi = start(slug, "SRV01;server\nPRN-Reception;printer\n");

    completeReview(pi, true, Map.of());
    runCreateClientJob(pi);

    assertThat(pi).isEnded().hasPassed("End_ClientOnboarded");
    assertThat(clients.find(slug).orElseThrow().devices()).hasSize(2);
    assertThat(clients.visitPreference(slug)).contains("2 TUESDAY");
    assertThat(revisions.current(slug).number()).isEqualTo(1);
    assertThat(revisions.current(slug).items()).extracting(i -> i.device()).contains("SRV01", "PRN-Reception", "Site");
  }

  @Test
  void shouldSendBadInputBackToReviewWithTheReason() {
    String slug = "onb-" + System.nanoTime() % 1_000_000;
    ProcessInstance pi = start(slug, "SRV01;toaster");

    completeReview(pi, true, Map.of());
    runCreateClientJob(pi);

    assertThat(pi).isWaitingAt("Task_ReviewOnboarding").variables().containsEntry("onboardingError",
        "devices[0].kind: unknown device kind 'toaster' (expected one of server, storage, printer, network, workstation)");
    assertThat(clients.exists(slug)).isFalse();

    completeReview(pi, true, Map.of("devices", "SRV01;server"));
    runCreateClientJob(pi);
    assertThat(pi).isEnded();
    assertThat(revisions.current(slug).number()).isEqualTo(1);
  }

  @Test
  void shouldCreateNothingWhenRejected() {
    String slug = "onb-" + System.nanoTime() % 1_000_000;
    ProcessInstance pi = start(slug, "SRV01;server");

    completeReview(pi, false, Map.of());

    assertThat(pi).isEnded().hasPassed("End_OnboardingRejected");
    assertThat(clients.exists(slug)).isFalse();
  }
}
