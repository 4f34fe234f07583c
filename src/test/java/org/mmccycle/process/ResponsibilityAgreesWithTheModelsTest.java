package org.mmccycle.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Issue 17, item 10: the responsibility table and the models agree. Every answer a model asks the
 * table for (a job's candidate group, assignee, escalation group) exists for every tier, and every
 * answer the table gives is asked for by some model: an output nobody reads is a rule an analyst edits
 * to no effect (the publication escalation used to ask for 'revise', and the escalation groups of
 * 'publish' and 'schedule' were read by nothing).
 */
class ResponsibilityAgreesWithTheModelsTest {

  private static final Pattern ASKED = Pattern.compile("responsibility\\.(candidateGroup|assignee|escalationGroup)\\('(\\w+)'");
  private static final Pattern MAILED = Pattern.compile("taskMail\\.escalated\\(task, '(\\w+)'\\)");
  private static final Map<String, String> OUTPUT_OF = Map.of("candidateGroup", "candidateGroup",
      "assignee", "assignToClientTechnician", "escalationGroup", "escalationGroup");
  private static final List<String> TIERS = List.of("standard", "gold");

  record Rule(String id, String job, String tier, Map<String, String> outputs) {
    boolean matches(String askedJob, String askedTier) {
      return (job.isEmpty() || job.equals(askedJob)) && (tier.isEmpty() || tier.equals(askedTier));
    }
  }

  private static final Set<String> asked = new HashSet<>();
  private static final List<Rule> rules = new ArrayList<>();

  @BeforeAll
  static void readTheModelsAndTheTable() throws Exception {
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.filter(path -> path.toString().endsWith(".bpmn")).toList()) {
        String xml = Files.readString(model);
        ASKED.matcher(xml).results().forEach(m -> asked.add(OUTPUT_OF.get(m.group(1)) + ":" + m.group(2)));
        MAILED.matcher(xml).results().forEach(m -> asked.add("escalationGroup:" + m.group(1)));
      }
    }
    var table = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(Path.of("processes", "responsibility.dmn").toFile());
    List<String> outputs = new ArrayList<>();
    NodeList outputElements = table.getElementsByTagNameNS("*", "output");
    for (int i = 0; i < outputElements.getLength(); i++) {
      outputs.add(((Element) outputElements.item(i)).getAttribute("name"));
    }
    NodeList ruleElements = table.getElementsByTagNameNS("*", "rule");
    for (int i = 0; i < ruleElements.getLength(); i++) {
      Element rule = (Element) ruleElements.item(i);
      List<String> inputs = texts(rule.getElementsByTagNameNS("*", "inputEntry"));
      List<String> given = texts(rule.getElementsByTagNameNS("*", "outputEntry"));
      Map<String, String> byName = new LinkedHashMap<>();
      for (int o = 0; o < outputs.size(); o++) {
        byName.put(outputs.get(o), given.get(o));
      }
      rules.add(new Rule(rule.getAttribute("id"), unquote(inputs.get(0)), unquote(inputs.get(1)), byName));
    }
  }

  @Test
  void everyAnswerAModelAsksForIsGivenForEveryTier() {
    assertThat(asked).as("what the models ask").isNotEmpty();
    for (String question : asked) {
      String output = question.split(":")[0];
      String job = question.split(":")[1];
      for (String tier : TIERS) {
        Rule first = rules.stream().filter(rule -> rule.matches(job, tier)).findFirst().orElse(null);
        assertThat(first).as("a row for job '%s', tier %s", job, tier).isNotNull();
        assertThat(first.outputs().get(output)).as("%s of job '%s', tier %s (row %s)", output, job, tier, first.id()).isNotBlank();
      }
    }
  }

  @Test
  void everyAnswerTheTableGivesIsReadBySomeModel() {
    for (Rule rule : rules) {
      rule.outputs().forEach((output, value) -> {
        if (!value.isBlank()) {
          assertThat(asked).as("row %s gives %s for job '%s': a model reads it", rule.id(), output, rule.job())
              .contains(output + ":" + rule.job());
        }
      });
    }
  }

  private static List<String> texts(NodeList entries) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < entries.getLength(); i++) {
      texts.add(((Element) entries.item(i)).getTextContent().trim());
    }
    return texts;
  }

  private static String unquote(String text) {
    String trimmed = text.trim();
    if (trimmed.equals("-")) {
      return "";
    }
    return trimmed.startsWith("\"") && trimmed.endsWith("\"") ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
  }
}
