package org.mmccycle.checklist;

import java.util.List;

/** The firm's standard checklist: sections of items, each section for some device kinds or the site. */
public record StandardTemplate(String name, int version, List<Section> sections) {

  /** The pseudo device kind of items about the client as a whole (documentation, client contact). */
  public static final String SITE = "SITE";

  public record Section(String key, String title, List<String> appliesTo, List<Item> items) {}

  public record Item(String key, String text) {}

  public int itemCount() {
    return sections.stream().mapToInt(s -> s.items().size()).sum();
  }
}
