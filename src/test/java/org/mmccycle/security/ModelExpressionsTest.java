package org.mmccycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmccycle.security.ModelExpressions.Use;

class ModelExpressionsTest {

  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{[^}]*}");

  @Test
  void everyExpressionOfTheProductsModelsPasses() throws IOException {
    List<String> expressions;
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      expressions = models.flatMap(ModelExpressionsTest::expressionsIn).toList();
    }

    assertThat(expressions).hasSizeGreaterThan(40);
    expressions.forEach(expression -> assertThat(ModelExpressions.problems(expression, Use.MODEL)).as(expression).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "${jdbcClient.sql(\"insert into ACT_ID_MEMBERSHIP values ('tina','camunda-admin')\").update()}",
      "${deadlines.toString()}",
      "${deadlines.getClass()}",
      "${execution.getProcessEngineServices()}",
      "${execution.processEngineServices}",
      "${execution['processEngineServices']}",
      "${task.execution.processEngine}",
      "${clientSlug.getClass().forName('java.lang.Runtime')}",
      "${''.getClass()}",
      "${S(checklistItems).prop('x')}",
      "${dateTime().getClass()}",
      "${responsibility.decide('execute', clientSlug).technician()}",
      "${deadlines.endOfDay(cycleMonth, 20).getTime()}",
      "not closed ${"})
  void refusesWhatTheModelsDoNotUse(String expression) {
    assertThat(ModelExpressions.problems(expression, Use.MODEL)).as(expression).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"${currentUser()}", "${currentUserGroups()}", "${now()}", "${dateTime().plusDays(2).toDate()}",
      "${dateTime().withTimeAtStartOfDay().minusWeeks(1).toDate()}"})
  void aStoredQueryMayUseTasklistsFunctions(String expression) {
    assertThat(ModelExpressions.problems(expression, Use.QUERY)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"${deadlines.endOfMonth('2026-11')}", "${jdbcClient}", "${execution.getVariable('x')}", "${clientSlug}"})
  void aStoredQueryMayNotNameBeansOrVariables(String expression) {
    assertThat(ModelExpressions.problems(expression, Use.QUERY)).as(expression).isNotEmpty();
  }

  @Test
  void textWithoutAnExpressionIsNotChecked() {
    assertThat(ModelExpressions.problems("P2D", Use.MODEL)).isEmpty();
    assertThat(ModelExpressions.problems(null, Use.MODEL)).isEmpty();
    assertThat(ModelExpressions.hasExpression("#{x}")).isTrue();
  }

  private static Stream<String> expressionsIn(Path model) {
    try {
      Matcher matcher = EXPRESSION.matcher(Files.readString(model).replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&"));
      return matcher.results().map(java.util.regex.MatchResult::group).toList().stream();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
