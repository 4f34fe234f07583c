package org.mmccycle;

import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
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
 * job executor off, temp folders, mail on to {@link TestSmtp}), metrics exported. The models' paths
 * are tested on a plain engine instead (the *ModelTest classes, with the coverage gate).
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureObservability(tracing = false)
@Import(CycleTestFixture.Config.class)
public abstract class MmcSpringBootTest {

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

  @AfterEach
  void resetEngineClockAndAssertions() {
    ClockUtil.reset();
    BpmnAwareTests.reset();
  }
}
