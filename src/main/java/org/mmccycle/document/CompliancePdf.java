package org.mmccycle.document;

import java.time.Clock;
import java.io.ByteArrayOutputStream;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.Templates;
import org.springframework.stereotype.Service;

/** Prints the monthly compliance report (document/compliance.xsl) with {@link PdfRenderer}'s shared FopFactory. */
@Service
public class CompliancePdf {

  private static final DateTimeFormatter MONTH_LABEL = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final PdfRenderer renderer;
  private final Templates template = PdfRenderer.template("document/compliance.xsl");
  private final ZoneId zone;

  public CompliancePdf(PdfRenderer renderer, Clock clock) {
    this.renderer = renderer;
    this.zone = clock.getZone();
  }

  public byte[] render(ComplianceSheet sheet) {
    return renderer.renderPdf("compliance report " + sheet.month(), template, xml(sheet), sheet.generatedAt(),
        "Compliance report " + sheet.month());
  }

  private byte[] xml(ComplianceSheet sheet) {
    var out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("compliance");
      xml.writeAttribute("month", sheet.month());
      xml.writeAttribute("label", MONTH_LABEL.format(YearMonth.parse(sheet.month())));
      xml.writeAttribute("generated", DATE_TIME.format(sheet.generatedAt().atZone(zone)));
      for (ComplianceSheet.Row row : sheet.rows()) {
        xml.writeStartElement("row");
        attribute(xml, "client", row.clientName());
        attribute(xml, "slug", row.clientSlug());
        attribute(xml, "job", row.job());
        attribute(xml, "status", row.status());
        attribute(xml, "due", row.due());
        attribute(xml, "completedAt", row.completedAt());
        attribute(xml, "completedBy", row.completedBy());
        attribute(xml, "resolution", row.resolution());
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new DocumentRenderingException("Could not write the compliance report " + sheet.month() + " as XML", e);
    }
    return out.toByteArray();
  }

  private static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
    // characters XML 1.0 cannot carry are dropped
    xml.writeAttribute(name, value == null ? "" : value.replaceAll("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD]", ""));
  }
}
