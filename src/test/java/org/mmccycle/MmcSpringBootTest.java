package org.mmccycle;

import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Run;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.camunda.community.process_test_coverage.engine.platform7.ExecutionContextModelProvider;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.mmccycle.process.CycleTestFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring context that every engine test shares (same annotations, so Spring's test context
 * cache starts it once): the whole application on a random port, profile {@code test} (in-memory H2,
 * job executor off, temp folders, mail on to {@link TestSmtp}), metrics exported, with the coverage
 * parse listeners in the engine.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureObservability(tracing = false)
@Import({CycleTestFixture.Config.class, ProcessEngineCoverageConfiguration.class})
public abstract class MmcSpringBootTest {

  private static final String UNMEASURED = "unmeasured";

  @Autowired
  protected CycleTestFixture fixture;

  @Autowired
  protected ProcessEngine processEngine;

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", TestSmtp::port);
  }

  @BeforeEach
  void initProcessAssertions() {
    BpmnAwareTests.init(processEngine);
  }

  /**
   * The coverage library's engine listeners fail every execution until a measured (process) test
   * class has given them a collector. Other classes run processes too (security, calendar): they get
   * one that measures nothing, so their outcome never depends on the order of test classes.
   */
  @BeforeEach
  void measureNothingOutsideProcessTests() {
    if (getClass().getSimpleName().endsWith("ProcessTest")) {
      return;
    }
    DefaultCollector unmeasured = new DefaultCollector(new ExecutionContextModelProvider());
    unmeasured.createSuite(new Suite(UNMEASURED, "not a process test"));
    unmeasured.activateSuite(UNMEASURED);
    unmeasured.createRun(new Run(UNMEASURED, "not a process test"), UNMEASURED);
    unmeasured.activateRun(UNMEASURED);
    new ProcessEngineAdapter(processEngine, unmeasured).initializeListeners();
  }

  @AfterEach
  void resetEngineClock() {
    ClockUtil.reset();
  }
}
