<?xml version="1.0" encoding="UTF-8"?>
<!--
  The filed visit record (rendered as PDF/A-2b): client, month, visit mode, technician, every
  item's status and note, a summary of the issues found, the revision note and the sign-off.
  Input: the XML written by org.mmccycle.document.DocumentXml.record.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format">

  <xsl:output method="xml" encoding="UTF-8"/>

  <!-- the document title, as PdfRenderer also gives it to FOP for the Info dictionary -->
  <xsl:param name="title"/>

  <xsl:variable name="items" select="/record/devices/device/section/item"/>

  <!-- the item and issue tables: a rule under the header and under every row, not a full grid (FOP
       draws each side of a cell's border on its own; four per cell cost an eighth of a render, issue 8) -->
  <xsl:attribute-set name="header-cell">
    <xsl:attribute name="padding">0.8mm</xsl:attribute>
    <xsl:attribute name="border-bottom">0.6pt solid #666666</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="item-cell">
    <xsl:attribute name="padding">1mm</xsl:attribute>
    <xsl:attribute name="border-bottom">0.4pt solid #999999</xsl:attribute>
  </xsl:attribute-set>

  <xsl:template match="/record">
    <fo:root font-family="DejaVu Sans" font-size="9pt" xml:lang="en">
      <fo:layout-master-set>
        <fo:simple-page-master master-name="page" page-width="210mm" page-height="297mm"
            margin="12mm 15mm 10mm 15mm">
          <fo:region-body margin-bottom="10mm"/>
          <fo:region-after extent="6mm"/>
        </fo:simple-page-master>
      </fo:layout-master-set>
      <!-- PDF/A needs dc:title as a language alternative (rdf:Alt); FOP 2.11 writes the user
           agent's title as a simple value, which veraPDF rejects (ISO 19005-2, 6.6.2.3.1). FOP
           keeps this packet and adds the PDF/A identification and dates to it. -->
      <fo:declarations>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
          <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <dc:title>
                <rdf:Alt>
                  <rdf:li xml:lang="x-default"><xsl:value-of select="$title"/></rdf:li>
                </rdf:Alt>
              </dc:title>
            </rdf:Description>
          </rdf:RDF>
        </x:xmpmeta>
      </fo:declarations>
      <fo:page-sequence master-reference="page">
        <fo:static-content flow-name="xsl-region-after">
          <fo:block font-size="7pt" color="#555555" text-align-last="justify">
            Maintenance record · <xsl:value-of select="client/@name"/> · <xsl:value-of select="month/@label"/>
            <fo:leader leader-pattern="space"/>
            page <fo:page-number/> of <fo:page-number-citation ref-id="end"/>
          </fo:block>
        </fo:static-content>
        <fo:flow flow-name="xsl-region-body">
          <fo:block font-size="16pt" font-weight="bold" space-after="2mm">Monthly maintenance record</fo:block>
          <fo:block font-size="13pt" font-weight="bold" space-after="3mm"><xsl:value-of select="client/@name"/></fo:block>
          <fo:table table-layout="fixed" width="100%" space-after="3mm">
            <fo:table-column column-width="35mm"/>
            <fo:table-column column-width="proportional-column-width(1)"/>
            <fo:table-body>
              <xsl:call-template name="fact"><xsl:with-param name="label">Month</xsl:with-param><xsl:with-param name="value" select="month/@label"/></xsl:call-template>
              <xsl:call-template name="fact"><xsl:with-param name="label">Visit</xsl:with-param><xsl:with-param name="value" select="visit/@mode"/></xsl:call-template>
              <xsl:call-template name="fact"><xsl:with-param name="label">Technician</xsl:with-param><xsl:with-param name="value" select="visit/@executedBy"/></xsl:call-template>
              <xsl:call-template name="fact"><xsl:with-param name="label">Executed</xsl:with-param><xsl:with-param name="value" select="visit/@executedAt"/></xsl:call-template>
              <xsl:call-template name="fact"><xsl:with-param name="label">Results</xsl:with-param><xsl:with-param name="value"
                  select="concat(count($items[@status='done']), ' done, ', count($items[@status='issue']), ' issues, ',
                                 count($items[@status='na']), ' not applicable, ', count($items[@status!='done' and @status!='issue' and @status!='na']), ' not ticked',
                                 substring(concat(' (', count($items[@bulk='true']), ' marked done in bulk)'), 1, 1000 * number(count($items[@bulk='true']) &gt; 0)))"/></xsl:call-template>
            </fo:table-body>
          </fo:table>

          <fo:block font-size="11pt" font-weight="bold" space-before="3mm" space-after="1mm">Issues found</fo:block>
          <xsl:choose>
            <xsl:when test="$items[@status='issue']">
              <fo:table table-layout="fixed" width="100%" border-collapse="collapse">
                <fo:table-column column-width="proportional-column-width(3)"/>
                <fo:table-column column-width="proportional-column-width(6)"/>
                <fo:table-column column-width="proportional-column-width(6)"/>
                <xsl:call-template name="header"><xsl:with-param name="first">Device</xsl:with-param></xsl:call-template>
                <fo:table-body>
                  <xsl:for-each select="$items[@status='issue']">
                    <fo:table-row keep-together.within-page="always">
                      <xsl:call-template name="cell"><xsl:with-param name="value" select="../../@name"/></xsl:call-template>
                      <xsl:call-template name="cell"><xsl:with-param name="value" select="text"/></xsl:call-template>
                      <xsl:call-template name="cell"><xsl:with-param name="value" select="note"/></xsl:call-template>
                    </fo:table-row>
                  </xsl:for-each>
                </fo:table-body>
              </fo:table>
            </xsl:when>
            <xsl:otherwise><fo:block>No issues found.</fo:block></xsl:otherwise>
          </xsl:choose>

          <xsl:apply-templates select="devices/device"/>

          <fo:block keep-together.within-page="always">
            <fo:block font-size="11pt" font-weight="bold" space-before="5mm" space-after="1mm">Revision</fo:block>
            <fo:table table-layout="fixed" width="100%">
              <fo:table-column column-width="35mm"/>
              <fo:table-column column-width="proportional-column-width(1)"/>
              <fo:table-body>
                <xsl:call-template name="fact"><xsl:with-param name="label">Suggestions</xsl:with-param><xsl:with-param name="value">
                  <xsl:choose><xsl:when test="revisionSuggestions"><xsl:value-of select="revisionSuggestions"/></xsl:when><xsl:otherwise>None</xsl:otherwise></xsl:choose>
                </xsl:with-param></xsl:call-template>
                <xsl:call-template name="fact"><xsl:with-param name="label">Change note</xsl:with-param><xsl:with-param name="value">
                  <xsl:choose><xsl:when test="changeNote"><xsl:value-of select="changeNote"/></xsl:when><xsl:otherwise>No change</xsl:otherwise></xsl:choose>
                </xsl:with-param></xsl:call-template>
              </fo:table-body>
            </fo:table>
            <fo:block font-size="11pt" font-weight="bold" space-before="5mm" space-after="1mm">Sign-off</fo:block>
            <fo:block>Executed by <xsl:value-of select="visit/@executedBy"/> on <xsl:value-of select="visit/@executedAt"/>.</fo:block>
            <fo:block>Filed by <xsl:value-of select="filing/@filedBy"/> on <xsl:value-of select="filing/@filedAt"/>.</fo:block>
            <xsl:if test="notes/note">
              <fo:block font-size="11pt" font-weight="bold" space-before="5mm" space-after="1mm">Notes</fo:block>
              <xsl:for-each select="notes/note">
                <fo:block space-after="1.5mm" keep-together.within-page="always">
                  <fo:block font-weight="bold">
                    <xsl:choose>
                      <xsl:when test="@kind = 'filing'">Sign-off note</xsl:when>
                      <xsl:when test="@kind = 'follow-up'">Follow-up of the issues found</xsl:when>
                      <xsl:when test="@kind = 'overdue'">Missed deadline (<xsl:value-of select="@job"/>): what was done</xsl:when>
                      <xsl:when test="@kind = 'sent back'">Revision sent back from Publish: what had to change</xsl:when>
                      <xsl:otherwise><xsl:value-of select="@kind"/></xsl:otherwise>
                    </xsl:choose>
                    <fo:inline font-weight="normal"> (<xsl:value-of select="@by"/>, <xsl:value-of select="@at"/>)</fo:inline>
                  </fo:block>
                  <fo:block linefeed-treatment="preserve"><xsl:value-of select="."/></fo:block>
                </fo:block>
              </xsl:for-each>
            </xsl:if>
          </fo:block>
          <fo:block id="end"/>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <xsl:template name="fact">
    <xsl:param name="label"/>
    <xsl:param name="value"/>
    <fo:table-row>
      <fo:table-cell padding="0.6mm"><fo:block font-weight="bold"><xsl:value-of select="$label"/></fo:block></fo:table-cell>
      <fo:table-cell padding="0.6mm"><fo:block linefeed-treatment="preserve"><xsl:value-of select="$value"/></fo:block></fo:table-cell>
    </fo:table-row>
  </xsl:template>

  <xsl:template name="header">
    <xsl:param name="first"/>
    <fo:table-header font-size="7.5pt" color="#444444">
      <fo:table-row>
        <fo:table-cell xsl:use-attribute-sets="header-cell"><fo:block><xsl:value-of select="$first"/></fo:block></fo:table-cell>
        <fo:table-cell xsl:use-attribute-sets="header-cell"><fo:block>Item</fo:block></fo:table-cell>
        <fo:table-cell xsl:use-attribute-sets="header-cell"><fo:block>Note</fo:block></fo:table-cell>
      </fo:table-row>
    </fo:table-header>
  </xsl:template>

  <xsl:template name="cell">
    <xsl:param name="value"/>
    <fo:table-cell xsl:use-attribute-sets="item-cell">
      <fo:block linefeed-treatment="preserve"><xsl:value-of select="$value"/></fo:block>
    </fo:table-cell>
  </xsl:template>

  <xsl:template match="device">
    <fo:block font-size="11pt" font-weight="bold" space-before="5mm" space-after="1mm"
        background-color="#E6E6E6" padding="1mm" keep-with-next.within-page="always">
      <xsl:value-of select="@name"/>
      <xsl:if test="@kind != '' and @kind != @name"> (<xsl:value-of select="@kind"/>)</xsl:if>
    </fo:block>
    <xsl:apply-templates select="section"/>
  </xsl:template>

  <xsl:template match="section">
    <fo:block font-weight="bold" space-before="2mm" space-after="1mm" keep-with-next.within-page="always">
      <xsl:value-of select="@title"/>
    </fo:block>
    <fo:table table-layout="fixed" width="100%" border-collapse="collapse">
      <fo:table-column column-width="proportional-column-width(3)"/>
      <fo:table-column column-width="proportional-column-width(9)"/>
      <fo:table-column column-width="proportional-column-width(6)"/>
      <xsl:call-template name="header"><xsl:with-param name="first">Status</xsl:with-param></xsl:call-template>
      <fo:table-body>
        <xsl:for-each select="item">
          <fo:table-row keep-together.within-page="always">
            <fo:table-cell xsl:use-attribute-sets="item-cell">
              <fo:block font-weight="bold">
                <xsl:if test="@status='issue'"><xsl:attribute name="color">#B00000</xsl:attribute></xsl:if>
                <xsl:choose>
                  <xsl:when test="@status='done'">Done</xsl:when>
                  <xsl:when test="@status='issue'">Issue</xsl:when>
                  <xsl:when test="@status='na'">N/A</xsl:when>
                  <xsl:otherwise>Not ticked</xsl:otherwise>
                </xsl:choose>
              </fo:block>
              <xsl:if test="@bulk='true'"><fo:block font-size="7pt" font-weight="normal" color="#555555">in bulk</fo:block></xsl:if>
            </fo:table-cell>
            <xsl:call-template name="cell"><xsl:with-param name="value" select="text"/></xsl:call-template>
            <xsl:call-template name="cell"><xsl:with-param name="value" select="note"/></xsl:call-template>
          </fo:table-row>
        </xsl:for-each>
      </fo:table-body>
    </fo:table>
  </xsl:template>
</xsl:stylesheet>
