package org.mmccycle.onboarding;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mmccycle.process.OnboardClientDelegate;

/** Process_ClientOnboarding on a plain engine, the creation mocked: approved, rejected, and sent back when invalid. Gate: 90 %. */
@Deployment(resources = "processes/client-onboarding.bpmn")
class OnboardingModelTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().assertClassCoverageAtLeast(0.9).build();

  private final AtomicBoolean invalid = new AtomicBoolean();

  @BeforeEach
  void delegate() {
    BpmnAwareTests.init(engine.getProcessEngine());
    Mocks.register("onboardClientDelegate", (JavaDelegate) execution -> {
      if (invalid.getAndSet(false)) {
        throw new BpmnError(OnboardClientDelegate.INVALID, "the slug harbour is taken");
      }
    });
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void anApprovedClientIsCreated() {
    ProcessInstance onboarding = start();

    assertThat(task("Task_ReviewOnboarding", onboarding)).hasCandidateGroup("service-managers");
    complete(task("Task_ReviewOnboarding", onboarding), withVariables("approved", true));
    execute(job("Task_CreateClient", onboarding));

    assertThat(onboarding).isEnded().hasPassed("End_ClientOnboarded");
  }

  @Test
  void aRejectedClientIsNot() {
    ProcessInstance onboarding = start();

    complete(task("Task_ReviewOnboarding", onboarding), withVariables("approved", false));

    assertThat(onboarding).isEnded().hasPassed("End_OnboardingRejected").hasNotPassed("Task_CreateClient");
  }

  @Test
  void anInvalidClientGoesBackToReviewWithTheReason() {
    ProcessInstance onboarding = start();
    invalid.set(true);

    complete(task("Task_ReviewOnboarding", onboarding), withVariables("approved", true));
    execute(job("Task_CreateClient", onboarding));

    assertThat(onboarding).hasPassed("Boundary_OnboardingInvalid").isWaitingAt("Task_ReviewOnboarding")
        .variables().containsEntry("onboardingError", "the slug harbour is taken");
  }

  private static ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey(OnboardClientDelegate.PROCESS, Map.of("clientName", "Harbour Dental",
        "clientSlug", "harbour", "devices", "SRV01 server", "technician", "tina"));
  }
}
