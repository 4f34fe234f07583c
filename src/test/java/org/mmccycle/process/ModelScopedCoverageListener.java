package org.mmccycle.process;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.engine.platform7.ExecutionContextModelProvider;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.camunda.community.process_test_coverage.spring_test.common.BaseProcessEngineCoverageTestExecutionListener;
import org.springframework.test.context.TestContext;

/**
 * The library's platform-7 coverage listener, plus a per-class exclusion of models: the monthly
 * round starts client cycles, and only the round's own elements belong in its test class's gate
 * (the library's exclusion is one list for the whole, shared, Spring context).
 */
public class ModelScopedCoverageListener extends BaseProcessEngineCoverageTestExecutionListener {

  /** Process definition keys a test class runs but does not measure. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  public @interface ExcludedFromCoverage {
    String[] value();
  }

  private final DefaultCollector collector = new DefaultCollector(new ExecutionContextModelProvider());

  @Override
  protected DefaultCollector getCoverageCollector() {
    return collector;
  }

  @Override
  public void beforeTestClass(TestContext testContext) {
    super.beforeTestClass(testContext);
    if (isTestClassExcluded(testContext)) {
      return;
    }
    ExcludedFromCoverage excluded = testContext.getTestClass().getAnnotation(ExcludedFromCoverage.class);
    if (excluded != null) {
      collector.setExcludedProcessDefinitionKeys(List.copyOf(Arrays.asList(excluded.value())));
    }
    new ProcessEngineAdapter(testContext.getApplicationContext().getBean(ProcessEngine.class), collector).initializeListeners();
  }
}
