package org.mmccycle.security;

import static java.util.Map.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What an engine expression may name: the one place that says which Spring beans the models use and
 * which of their methods they call, which methods of the execution and of {@code dateTime()} are
 * allowed, and which functions a stored Tasklist filter may use. The engine's expression manager
 * resolves exactly the beans listed here ({@link SecurityEnginePlugin}), and every expression an
 * analyst deploys is checked against it before the engine accepts the model
 * ({@code org.mmccycle.engine.ModelValidation}).
 *
 * <p>An expression passes when every method call in it is on this list, every function is one of
 * the engine's harmless functions, and it reads no property of anything (no {@code a.b}, no
 * {@code a['b']}): a property read calls a getter, and getters lead from any object to its class
 * and class loader. Identifiers that are not beans are process variables.
 */
public final class ModelExpressions {

  /** The beans the models name, and the methods of each that an expression may call (none: a delegate bean). */
  public static final Map<String, Set<String>> BEANS = Map.ofEntries(
      entry("deadlines", Set.of("endOfDay", "endOfMonth")),
      entry("responsibility", Set.of("candidateGroup", "assignee", "escalationGroup")),
      entry("reminders", Set.of("before")),
      entry("followUps", Set.of("summary")),
      entry("openMonthDelegate", Set.of()),
      entry("listActiveClientsDelegate", Set.of()),
      entry("requestClientCyclesDelegate", Set.of()),
      entry("openClientCyclesDelegate", Set.of()),
      entry("prepareChecklistDelegate", Set.of()),
      entry("planVisitDelegate", Set.of()),
      entry("reportIssuesDelegate", Set.of()),
      entry("publishChecklistDelegate", Set.of()),
      entry("fileRecordDelegate", Set.of()),
      entry("onboardClientDelegate", Set.of()));

  /**
   * Beans that models deployed before named and the engine now takes out of every model as it parses it
   * ({@code org.mmccycle.process.CycleListeners}): an analyst's copy of an older model still deploys, and
   * they are never called.
   */
  public static final Map<String, Set<String>> RETIRED = Map.of("taskMail", Set.of("created", "assigned", "reminder", "escalated"));

  /** The execution or task an expression runs in: reading its variables only. */
  static final Set<String> SCOPES = Set.of("execution", "task");
  static final Set<String> SCOPE_METHODS = Set.of("getVariable", "hasVariable", "getVariableLocal", "hasVariableLocal");

  /** {@code dateTime()} (a Joda DateTime) and what a due date or follow-up date needs of it. */
  static final String DATE_TIME = "dateTime";
  static final Set<String> DATE_TIME_METHODS = Set.of("plusMinutes", "plusHours", "plusDays", "plusWeeks", "plusMonths",
      "minusMinutes", "minusHours", "minusDays", "minusWeeks", "minusMonths", "withTimeAtStartOfDay", "toDate");

  /** Where an expression is used: a model (beans, variables, the execution) or a stored task query (functions only). */
  public enum Use {
    MODEL(Set.of(DATE_TIME, "now", "currentUser", "currentUserGroups")),
    QUERY(Set.of(DATE_TIME, "now", "currentUser", "currentUserGroups"));

    private final Set<String> functions;

    Use(Set<String> functions) {
      this.functions = functions;
    }
  }

  private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

  private ModelExpressions() {}

  /** Whether text holds an expression at all ({@code ${…}} or {@code #{…}}). */
  public static boolean hasExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /**
   * What is wrong with the expressions in a text (an attribute or element text of a model, a stored
   * query's value): empty when it may be evaluated.
   */
  public static List<String> problems(String text, Use use) {
    if (!hasExpression(text)) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    try {
      check(PARSER.build(text).getRoot(), use, problems);
    } catch (TreeBuilderException e) {
      problems.add("'" + text + "' is not a valid expression: " + e.getMessage());
    }
    return problems;
  }

  private static void check(Node node, Use use, List<String> problems) {
    if (node instanceof AstMethod method) {
      checkCall(method, use, problems);
      checkChildren(method.getChild(1), use, problems);
      return;
    }
    if (node instanceof AstDot || node instanceof AstBracket) {
      problems.add("'" + source(node) + "' reads a property; expressions may only call the methods the product's models use");
      return;
    }
    if (node instanceof AstFunction function) {
      if (!use.functions.contains(function.getName())) {
        problems.add("function " + function.getName() + "() is not allowed (allowed: " + new TreeSet<>(use.functions) + ")");
      }
    } else if (node instanceof AstIdentifier identifier && use == Use.QUERY) {
      problems.add("'" + identifier.getName() + "': a task query may only use the functions " + new TreeSet<>(use.functions));
    }
    checkChildren(node, use, problems);
  }

  private static void checkChildren(Node node, Use use, List<String> problems) {
    for (int i = 0; i < node.getCardinality(); i++) {
      check(node.getChild(i), use, problems);
    }
  }

  /** A call {@code receiver.method(...)}: the receiver is a listed bean, the execution or task, or a dateTime() chain. */
  private static void checkCall(AstMethod method, Use use, List<String> problems) {
    Node property = method.getChild(0);
    if (!(property instanceof AstDot dot)) {
      problems.add("'" + source(property) + "(…)': call methods by name (bean.method(…))");
      return;
    }
    String name = dot.toString().substring(2);
    Node receiver = dot.getChild(0);
    if (isDateTime(receiver)) {
      if (!DATE_TIME_METHODS.contains(name)) {
        problems.add("dateTime()." + name + "(…) is not allowed (allowed: " + new TreeSet<>(DATE_TIME_METHODS) + ")");
      }
      check(receiver, use, problems);
      return;
    }
    if (use == Use.MODEL && receiver instanceof AstIdentifier identifier) {
      String target = identifier.getName();
      Set<String> allowed = SCOPES.contains(target) ? SCOPE_METHODS : BEANS.getOrDefault(target, RETIRED.get(target));
      if (allowed == null) {
        problems.add("'" + target + "." + name + "(…)': " + target + " is not a bean the models may call (allowed: "
            + new TreeSet<>(BEANS.keySet()) + ")");
      } else if (!allowed.contains(name)) {
        problems.add("'" + target + "." + name + "(…)': " + target + " has no method " + name + " that models may call"
            + (allowed.isEmpty() ? " (it is a delegate: name it alone, ${" + target + "})" : " (allowed: " + new TreeSet<>(allowed) + ")"));
      }
      return;
    }
    problems.add("'" + source(receiver) + "." + name + "(…)' is not allowed: only listed beans, the execution's variables and dateTime() may be called");
    check(receiver, use, problems); // say what is wrong further in, too (jdbcClient.sql(…).update(): jdbcClient)
  }

  private static boolean isDateTime(Node node) {
    if (node instanceof AstFunction function) {
      return DATE_TIME.equals(function.getName());
    }
    return node instanceof AstMethod method && method.getChild(0) instanceof AstDot dot && isDateTime(dot.getChild(0));
  }

  private static String source(Node node) {
    StringBuilder text = new StringBuilder();
    ((AstNode) node).appendStructure(text, null);
    return text.toString();
  }
}
