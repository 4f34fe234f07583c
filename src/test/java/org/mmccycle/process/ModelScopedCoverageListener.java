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

  /**
   * Measures the class with this listener, leaving out the process definition keys it runs but does not
   * test. Put {@code @ExcludeFromProcessCoverage} beside it, so that the library's own listener (registered
   * for every Spring test through spring.factories) leaves the class to this one.
   */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  public @interface CoverageWithout {
    String[] value();
  }

  private final DefaultCollector collector = new DefaultCollector(new ExecutionContextModelProvider());

  @Override
  protected DefaultCollector getCoverageCollector() {
    return collector;
  }

  /** Only the classes that ask for it (the library's check would see their @ExcludeFromProcessCoverage). */
  @Override
  protected boolean isTestClassExcluded(TestContext testContext) {
    return !testContext.getTestClass().isAnnotationPresent(CoverageWithout.class);
  }

  @Override
  public void beforeTestClass(TestContext testContext) {
    super.beforeTestClass(testContext);
    if (isTestClassExcluded(testContext)) {
      return;
    }
    CoverageWithout excluded = testContext.getTestClass().getAnnotation(CoverageWithout.class);
    collector.setExcludedProcessDefinitionKeys(List.copyOf(Arrays.asList(excluded.value())));
    new ProcessEngineAdapter(testContext.getApplicationContext().getBean(ProcessEngine.class), collector).initializeListeners();
  }
}
