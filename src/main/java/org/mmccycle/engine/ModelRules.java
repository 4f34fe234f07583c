package org.mmccycle.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.mmccycle.security.ModelExpressions;

/**
 * What a BPMN model may contain before the engine accepts it: what the product's own models use, and
 * nothing that runs code of the deployer's choosing. An analyst changes deadlines, timers and routing;
 * a deployment is code, evaluated during the deploy request (a start timer's date) and later on the
 * job executor's threads without authorization checks.
 *
 * <ul>
 *   <li>no script anywhere (script tasks, script listeners, script conditions, script I/O), no Java class
 *       ({@code camunda:class}), no external task or connector;
 *   <li>every expression passes {@link ModelExpressions} (listed beans and methods, the execution's
 *       variables, {@code dateTime()}); a delegate expression names a listed bean alone;
 *   <li>a timer cycle repeats at most hourly: a cron expression with fixed seconds and minutes, or an ISO 8601
 *       repetition of at least an hour.
 * </ul>
 */
final class ModelRules {

  /** A rule an element breaks; {@code elementId} is its own id or its nearest ancestor's (a listener has none). */
  record Violation(Element element, String elementId, String message) {}

  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final String ACTIVITI = "http://activiti.org/bpmn";
  private static final Set<String> CODE_ATTRIBUTES = Set.of("class", "variableMappingClass", "resource");
  private static final Pattern DELEGATE = Pattern.compile("\\$\\{\\s*(\\w+)\\s*}");
  private static final java.time.Duration SHORTEST_CYCLE = java.time.Duration.ofHours(1);

  private ModelRules() {}

  static List<Violation> check(Element definitions) {
    List<Violation> violations = new ArrayList<>();
    walk(definitions, null, violations);
    return violations;
  }

  private static void walk(Element element, String parentId, List<Violation> violations) {
    String id = element.attribute("id") != null ? element.attribute("id") : parentId;
    String tag = element.getTagName();
    switch (tag) {
      case "scriptTask" -> violations.add(new Violation(element, id,
          "script tasks are not allowed: call one of the product's beans from a service task (camunda:delegateExpression)"));
      case "script" -> violations.add(new Violation(element, id, "scripts are not allowed in the product's models"));
      case "connector" -> violations.add(new Violation(element, id, "connectors are not allowed in the product's models"));
      case "conditionExpression" -> {
        if (element.attribute("language") != null) {
          violations.add(new Violation(element, id, "script conditions (language=\"" + element.attribute("language")
              + "\") are not allowed: write the condition as an expression, ${…}"));
        }
      }
      case "timeCycle" -> cycleProblem(element.getText().trim()).ifPresent(problem -> violations.add(new Violation(element, id, problem)));
      default -> { }
    }
    for (String key : element.attributes()) {
      String name = key.substring(key.lastIndexOf(':') + 1);
      boolean camunda = key.startsWith(CAMUNDA + ":") || key.startsWith(ACTIVITI + ":");
      if (camunda && CODE_ATTRIBUTES.contains(name)) {
        violations.add(new Violation(element, id, "camunda:" + name + " is not allowed: the product's models run only its own beans"));
      } else if (camunda && "type".equals(name)) {
        violations.add(new Violation(element, id, "camunda:type=\"" + element.attribute(key) + "\" (external tasks, connectors) is not allowed"));
      }
      expressionProblems(element, id, name, element.attribute(key), violations);
      if (camunda && name.endsWith("elegateExpression") && !namesADelegate(element.attribute(key))) {
        violations.add(new Violation(element, id, "camunda:" + name + "=\"" + element.attribute(key)
            + "\" must name one of the product's beans alone, like ${planVisitDelegate} (allowed: " + new TreeSet<>(ModelExpressions.BEANS.keySet()) + ")"));
      }
    }
    expressionProblems(element, id, tag, element.getText(), violations);
    for (Element child : element.elements()) {
      walk(child, id, violations);
    }
  }

  /** A delegate expression is a listed bean, named alone: {@code ${planVisitDelegate}}. */
  private static boolean namesADelegate(String expression) {
    var bean = DELEGATE.matcher(expression.trim());
    return bean.matches() && ModelExpressions.BEANS.containsKey(bean.group(1));
  }

  private static void expressionProblems(Element element, String id, String where, String text, List<Violation> violations) {
    for (String problem : ModelExpressions.problems(text, ModelExpressions.Use.MODEL)) {
      violations.add(new Violation(element, id, where + ": " + problem));
    }
  }

  /** Why a timer cycle repeats too often (or cannot be read), if it does; expressions are checked as expressions. */
  static Optional<String> cycleProblem(String cycle) {
    if (cycle.isEmpty() || ModelExpressions.hasExpression(cycle)) {
      return Optional.empty();
    }
    if (cycle.startsWith("R")) {
      for (String part : cycle.split("/")) {
        if (part.startsWith("P")) {
          return shorterThanAnHour(part) ? Optional.of("the timer cycle '" + cycle + "' repeats more often than hourly")
              : Optional.empty();
        }
      }
      return Optional.of("the timer cycle '" + cycle + "' has no period (R/PT1H, R3/P1D …)");
    }
    String[] fields = cycle.split("\\s+");
    if (fields.length < 6 || !fields[0].matches("\\d{1,2}") || !fields[1].matches("\\d{1,2}")) {
      return Optional.of("the timer cycle '" + cycle + "' must be a cron expression with fixed seconds and minutes "
          + "(at most hourly, e.g. 0 0 6 1 * ?) or an ISO 8601 repetition of at least an hour");
    }
    return Optional.empty();
  }

  private static boolean shorterThanAnHour(String period) {
    try {
      Duration duration = DatatypeFactory.newInstance().newDuration(period);
      return duration.getTimeInMillis(new java.util.Date(0)) < SHORTEST_CYCLE.toMillis();
    } catch (IllegalArgumentException | DatatypeConfigurationException e) {
      return true;
    }
  }
}
