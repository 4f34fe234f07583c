package org.mmccycle.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.mmccycle.checklist.ChecklistItem;
import org.mmccycle.checklist.RevisionItem;
import org.springframework.stereotype.Component;

/**
 * The checklist items as a Spin {@code Json} variable: the type Tasklist's embedded forms read and
 * write back, and that stays readable in Cockpit.
 */
@Component
public class ChecklistJson {

  private static final TypeReference<List<ChecklistItem>> ITEMS = new TypeReference<>() {};
  private static final TypeReference<List<RevisionItem>> REVISION_ITEMS = new TypeReference<>() {};

  private final ObjectMapper mapper;

  public ChecklistJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Checklist rows, or a revision's items: any list of records, as Json. */
  public JsonValue toVariable(List<?> items) {
    try {
      return SpinValues.jsonValue(mapper.writeValueAsString(items)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("checklist items cannot be written as JSON", e);
    }
  }

  /** Reads the items back, whether the variable came as Json (Tasklist) or as a JSON string. */
  public List<ChecklistItem> fromVariable(Object value) {
    return read(value, ITEMS, "checklistItems is not a list of checklist items");
  }

  /** Reads a revision's items back (the Revise form's {@code revisedItems}). */
  public List<RevisionItem> revisionItemsFrom(Object value) {
    return read(value, REVISION_ITEMS, "revisedItems is not a list of checklist items");
  }

  /**
   * Whether two values are the same JSON (a Json variable as the engine holds it, and the same as a
   * client sent it back): compared as trees, so spacing and key order do not matter.
   */
  public boolean sameJson(Object one, Object other) {
    try {
      return one != null && other != null && mapper.readTree(text(one)).equals(mapper.readTree(text(other)));
    } catch (JsonProcessingException notJson) {
      return false;
    }
  }

  private static String text(Object value) {
    return (value instanceof TypedValue typed ? typed.getValue() : value).toString();
  }

  private <T> List<T> read(Object value, TypeReference<List<T>> type, String problem) {
    if (value == null) {
      return List.of();
    }
    Object raw = value instanceof TypedValue typed ? typed.getValue() : value;
    try {
      return mapper.readValue(raw.toString(), type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(problem + ": " + e.getOriginalMessage(), e);
    }
  }

}
