package org.mmccycle.engine;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.mmccycle.security.ModelExpressions;

/**
 * The resources a new deployment may hold, and what its decision tables may contain; runs before the
 * engine's own deployers, in the deploy request's transaction (a refusal leaves nothing behind).
 *
 * <ul>
 *   <li>BPMN, DMN and Camunda Forms only; HTML forms only in the application's own deployment (made at
 *       start-up, with nobody logged in): an embedded form is script that runs in every user's browser;
 *   <li>decision tables in FEEL (without external Java functions) or in JUEL that passes
 *       {@link ModelExpressions}; no scripting language.
 * </ul>
 */
final class DeploymentRules implements Deployer {

  private static final List<String> MODEL_SUFFIXES = List.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml", ".form");
  private static final String APPLICATION_ONLY_SUFFIX = ".html";
  private static final Set<String> DMN_LANGUAGES = Set.of("feel", "juel", "https://www.omg.org/spec/dmn/20191111/feel",
      "http://www.omg.org/spec/feel/20140401");

  /** A problem in a resource, as the engine reports its own parse errors. */
  record ResourceProblem(String message, int line, int column, String mainElementId) implements Problem {
    @Override
    public String getMessage() {
      return message;
    }

    @Override
    public int getLine() {
      return line;
    }

    @Override
    public int getColumn() {
      return column;
    }

    @Override
    public String getMainElementId() {
      return mainElementId;
    }

    @Override
    public List<String> getElementIds() {
      return mainElementId == null ? List.of() : List.of(mainElementId);
    }
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    boolean byTheApplication = Context.getCommandContext() != null && Context.getCommandContext().getAuthenticatedUserId() == null;
    for (ResourceEntity resource : deployment.getResources().values()) {
      String name = resource.getName();
      String lower = name.toLowerCase(Locale.ROOT);
      List<ResourceProblem> problems = new ArrayList<>();
      if (lower.endsWith(APPLICATION_ONLY_SUFFIX) && !byTheApplication) {
        problems.add(new ResourceProblem(name + ": HTML forms are deployed only with the application (they run as script in "
            + "every user's browser); deploy BPMN, DMN or Camunda Forms (.form)", 0, 0, null));
      } else if (!lower.endsWith(APPLICATION_ONLY_SUFFIX) && MODEL_SUFFIXES.stream().noneMatch(lower::endsWith)) {
        problems.add(new ResourceProblem(name + ": only BPMN (.bpmn), DMN (.dmn) and Camunda Forms (.form) may be deployed", 0, 0, null));
      } else if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
        problems.addAll(decisionProblems(name, resource.getBytes()));
      }
      if (!problems.isEmpty()) {
        throw new ParseException("The deployment is refused: " + String.join("; ", problems.stream().map(ResourceProblem::message).toList()),
            name, new ArrayList<>(problems), List.of());
      }
    }
  }

  /** Each expression of a DMN file in an allowed language, and the JUEL ones against {@link ModelExpressions}. */
  static List<ResourceProblem> decisionProblems(String resource, byte[] xml) {
    List<ResourceProblem> problems = new ArrayList<>();
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    Deque<String[]> scopes = new ArrayDeque<>(); // {id, expression language} of each open element
    try {
      XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
      StringBuilder text = new StringBuilder();
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String[] parent = scopes.peek();
          String id = reader.getAttributeValue(null, "id");
          String language = reader.getAttributeValue(null, "expressionLanguage");
          if (language != null && !DMN_LANGUAGES.contains(language.toLowerCase(Locale.ROOT))) {
            problems.add(new ResourceProblem(resource + ": expressionLanguage \"" + language + "\" is not allowed (FEEL or JUEL)",
                reader.getLocation().getLineNumber(), reader.getLocation().getColumnNumber(), id != null ? id : parent == null ? null : parent[0]));
          }
          scopes.push(new String[] {id != null ? id : parent == null ? null : parent[0],
              language != null ? language.toLowerCase(Locale.ROOT) : parent == null ? null : parent[1]});
          text.setLength(0);
        } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
          text.append(reader.getText());
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          String[] scope = scopes.pop();
          if ("text".equals(reader.getLocalName())) {
            expressionProblems(text.toString().trim(), scope).forEach(problem -> problems.add(new ResourceProblem(resource + ": "
                + scope[0] + ": " + problem, reader.getLocation().getLineNumber(), reader.getLocation().getColumnNumber(), scope[0])));
          }
          text.setLength(0);
        }
      }
    } catch (XMLStreamException e) {
      problems.add(new ResourceProblem(resource + ": not a readable DMN file: " + e.getMessage(), 0, 0, null));
    }
    return problems;
  }

  private static List<String> expressionProblems(String text, String[] scope) {
    if (text.isEmpty()) {
      return List.of();
    }
    if ("juel".equals(scope[1])) {
      return ModelExpressions.problems(ModelExpressions.hasExpression(text) ? text : "${" + text + "}", ModelExpressions.Use.MODEL);
    }
    if (text.matches("(?s).*\\bexternal\\s*\\{.*")) {
      return List.of("FEEL external functions (calls into Java) are not allowed");
    }
    return ModelExpressions.problems(text, ModelExpressions.Use.MODEL);
  }
}
