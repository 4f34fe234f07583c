package org.mmccycle.document;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.mmccycle.checklist.ChecklistItem;

/**
 * Writes documents as the XML the XSL templates read. StAX escapes every value, so user text
 * ({@code <script>}, {@code &}) stays literal text; characters XML cannot carry are dropped.
 */
final class DocumentXml {

  private static final DateTimeFormatter MONTH_LABEL =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

  private final XMLStreamWriter xml;
  private final ZoneId zone;

  private DocumentXml(XMLStreamWriter xml, ZoneId zone) {
    this.xml = xml;
    this.zone = zone;
  }

  static byte[] checklist(ChecklistDocument doc, ZoneId zone) {
    return write(zone, x -> {
      x.start("checklist");
      x.header(doc.clientSlug(), doc.clientName(), doc.cycleMonth());
      x.start("revision");
      x.attribute("number", Integer.toString(doc.revision()));
      x.attribute("date", x.dateTime(doc.publishedAt()));
      x.element("changeNote", doc.changeNote());
      x.end();
      x.devices(doc.items(), false);
      x.end();
    });
  }

  static byte[] record(VisitRecord rec, ZoneId zone) {
    return write(zone, x -> {
      x.start("record");
      x.header(rec.clientSlug(), rec.clientName(), rec.cycleMonth());
      x.start("visit");
      x.attribute("mode", rec.visitMode());
      x.attribute("executedBy", rec.executedBy());
      x.attribute("executedAt", x.dateTime(rec.executedAt()));
      x.end();
      x.devices(rec.items(), true);
      x.element("revisionSuggestions", rec.revisionSuggestions());
      x.element("changeNote", rec.changeNote());
      x.start("filing");
      x.attribute("filedBy", rec.filedBy());
      x.attribute("filedAt", x.dateTime(rec.filedAt()));
      x.end();
      x.start("notes");
      for (VisitRecord.Note note : rec.notes()) {
        x.start("note");
        x.attribute("kind", note.kind());
        x.attribute("job", note.job());
        x.attribute("by", note.writtenBy());
        x.attribute("at", x.dateTime(note.writtenAt()));
        x.xml.writeCharacters(text(note.text()));
        x.end();
      }
      x.end();
      x.end();
    });
  }

  private interface Body {
    void write(DocumentXml xml) throws XMLStreamException;
  }

  private static byte[] write(ZoneId zone, Body body) {
    var out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter writer = OUTPUT.createXMLStreamWriter(out, "UTF-8");
      writer.writeStartDocument("UTF-8", "1.0");
      body.write(new DocumentXml(writer, zone));
      writer.writeEndDocument();
      writer.close();
    } catch (XMLStreamException e) {
      throw new DocumentRenderingException("Could not write the document's XML", e);
    }
    return out.toByteArray();
  }

  private void header(String slug, String name, String cycleMonth) throws XMLStreamException {
    start("client");
    attribute("slug", slug);
    attribute("name", name);
    end();
    start("month");
    attribute("value", cycleMonth);
    attribute("label", monthLabel(cycleMonth));
    end();
  }

  /** Items grouped by device, then section, each in order of first appearance. */
  private void devices(List<ChecklistItem> items, boolean withResults) throws XMLStreamException {
    Map<String, Map<String, List<ChecklistItem>>> byDevice = new LinkedHashMap<>();
    Map<String, String> kinds = new LinkedHashMap<>();
    for (ChecklistItem item : items) {
      String device = text(item.device());
      kinds.putIfAbsent(device, text(item.deviceKind()));
      byDevice
          .computeIfAbsent(device, d -> new LinkedHashMap<>())
          .computeIfAbsent(text(item.section()), s -> new ArrayList<>())
          .add(item);
    }
    start("devices");
    for (var device : byDevice.entrySet()) {
      start("device");
      attribute("name", device.getKey());
      attribute("kind", kinds.get(device.getKey()));
      for (var section : device.getValue().entrySet()) {
        start("section");
        attribute("title", section.getKey());
        for (ChecklistItem item : section.getValue()) {
          start("item");
          attribute("id", item.id());
          if (withResults) {
            attribute("status", item.status());
            if (Boolean.TRUE.equals(item.markedInBulk())) {
              attribute("bulk", "true");
            }
          }
          element("text", item.text());
          if (withResults) {
            element("note", item.note());
          }
          end();
        }
        end();
      }
      end();
    }
    end();
  }

  private void start(String name) throws XMLStreamException {
    xml.writeStartElement(name);
  }

  private void end() throws XMLStreamException {
    xml.writeEndElement();
  }

  private void attribute(String name, String value) throws XMLStreamException {
    xml.writeAttribute(name, text(value));
  }

  /** An element with text, left out when the value is null or blank. */
  private void element(String name, String value) throws XMLStreamException {
    String text = text(value);
    if (!text.isBlank()) {
      xml.writeStartElement(name);
      xml.writeCharacters(text);
      xml.writeEndElement();
    }
  }

  private String dateTime(Instant instant) {
    return instant == null ? "" : DATE_TIME.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
  }

  private static String monthLabel(String cycleMonth) {
    try {
      return MONTH_LABEL.format(YearMonth.parse(cycleMonth));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Cycle month must be yyyy-MM: " + cycleMonth, e);
    }
  }

  /** The value without the characters XML 1.0 cannot hold; "" for null. */
  private static String text(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder clean = new StringBuilder(value.length());
    value.codePoints()
        .filter(c -> c == 0x9 || c == 0xA || c == 0xD
            || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000)
        .forEach(clean::appendCodePoint);
    return clean.toString();
  }
}
