package org.mmccycle.checklist;

import java.util.List;

/** The firm's standard checklist: sections of items, each section for some device kinds or the site. */
public record StandardTemplate(String name, int version, List<Section> sections) {

  /** The pseudo device kind of items about the client as a whole (documentation, client contact). */
  public static final String SITE = "SITE";

  public record Section(String key, String title, List<String> appliesTo, List<Item> items) {}

  /**
   * One item of a section. {@code frequency} is MONTHLY when absent; {@code months} (1–12) when
   * absent are anchored at the client's first month; {@code onSiteRequired} defaults to false.
   */
  public record Item(String key, String text, Frequency frequency, List<Integer> months, Boolean onSiteRequired) {
    public Item(String key, String text) {
      this(key, text, null, null, null);
    }
  }

  public int itemCount() {
    return sections.stream().mapToInt(s -> s.items().size()).sum();
  }
}
